/**
 * A bounded memo from one string to another, least recently used evicted first, bounded by entries and by
 * characters (keys and values together): what the web process renders again and again (a guide, a
 * highlighted snippet) is rendered once, and a fleet of distinct texts cannot grow the process. A value
 * larger than the whole budget is made but not kept.
 */
export function createTextCache(opts: { maxEntries: number; maxChars: number }): (key: string, make: () => string) => string {
  const entries = new Map<string, string>();
  let chars = 0;
  return (key, make) => {
    const hit = entries.get(key);
    if (hit !== undefined) {
      // Most recently used goes last.
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    }
    const value = make();
    const size = key.length + value.length;
    if (size > opts.maxChars) return value;
    entries.set(key, value);
    chars += size;
    for (const [oldKey, oldValue] of entries) {
      if (entries.size <= opts.maxEntries && chars <= opts.maxChars) break;
      entries.delete(oldKey);
      chars -= oldKey.length + oldValue.length;
    }
    return value;
  };
}
