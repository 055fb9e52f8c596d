// What a naive plural writes, as data: a test fails when a check's message holds one (lib/text/plural.ts is the
// one way to write a count and its noun).
const BAD_PLURALS: readonly [RegExp, string][] = [
  [/\w\((?:s|es)\)/, '"(s)" instead of the plural'],
  [/\b[a-z]+[b-df-hj-np-tv-xz]ys\b/i, 'consonant + "ys" ("dependencys", "proxys")'],
  [/\b[a-z]*(?:sss|xs|zs|chs|shs)\b/i, 'a sibilant + "s" ("classs", "matchs", "boxs")'],
  [/\b1 (?!(?:has|was|does|its|this|yes|[a-z-]*(?:ss|us|is))\b)[a-z][a-z-]*s\b/i, '"1" before a plural ("1 places")'],
  [
    /\b(?:0|[2-9]|\d{2,}) (?:[a-z-]+ )?(?:file|place|dependency|container|workload|route|service) (?:is|has|was)\b/i,
    "a plural count with a singular noun",
  ],
];

/** The reasons a message's plurals read wrong; empty when they read right. */
export function findBadPlurals(message: string): string[] {
  return BAD_PLURALS.filter(([pattern]) => pattern.test(message)).map(([, why]) => `${why}: ${message}`);
}
