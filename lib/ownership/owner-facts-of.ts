import { parseOwnershipList } from "@/lib/ownership/parse-ownership-list";
import type { OwnerFacts } from "@/lib/ownership/types";

/**
 * What a scan's facts say about a service's ownership and tier (facts.service and the source's dozen.yaml), as
 * the service keeps it. Older facts without a separate CODEOWNERS match count an owner from CODEOWNERS as one.
 */
export function ownerFactsOf(opts: {
  service: {
    owners: string[];
    ownerFrom?: string;
    codeowners?: { owners: string[]; file: string; line: number | null };
    declaredTier?: { tier: number; from: string };
  };
  repoConfig: { path: string; text: string } | null;
}): OwnerFacts {
  const { owners, ownerFrom } = opts.service;
  const codeowners =
    opts.service.codeowners ?? (ownerFrom === "CODEOWNERS" && owners.length ? { owners, file: "CODEOWNERS", line: null } : undefined);
  const fromCodeowners = new Set(codeowners?.owners ?? []);
  const own = owners.find((o) => !fromCodeowners.has(o));
  const declared: OwnerFacts["declared"] = own
    ? { owners: [own], from: ownerFrom === "catalog-info.yaml" && owners[0] === own ? "catalog-info.yaml" : "dozen.yaml" }
    : undefined;
  let sourceRules: OwnerFacts["sourceRules"] = [];
  try {
    sourceRules = opts.repoConfig ? parseOwnershipList({ text: opts.repoConfig.text, source: opts.repoConfig.path }) : [];
  } catch {
    // The scoring config's own parse fails the scan for an invalid dozen.yaml; nothing to add here.
  }
  const tier = opts.service.declaredTier;
  return {
    ...(declared ? { declared } : {}),
    ...(codeowners ? { codeowners } : {}),
    ...(sourceRules.length ? { sourceRules } : {}),
    ...(tier ? { tier: { tier: tier.tier, from: tier.from } } : {}),
  };
}
