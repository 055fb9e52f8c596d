import type { ServiceFacts } from "@/lib/facts/types";

/**
 * Memoises a pure question about a snapshot (its production files, its server starts...), so the rules that
 * all ask it pay once per facts object. Weakly keyed: the answers die with the snapshot.
 */
export function perFacts<T>(compute: (facts: ServiceFacts) => T): (facts: ServiceFacts) => T {
  const cache = new WeakMap<ServiceFacts, T>();
  return (facts) => {
    if (cache.has(facts)) return cache.get(facts) as T;
    const value = compute(facts);
    cache.set(facts, value);
    return value;
  };
}
