import { z } from "zod";
import { UsageError } from "@/lib/cli/usage-error";

/**
 * What a previous run of `dozen scan` failed on, as a multiset of keys (service + check + location): a new run's
 * failing locations are matched against it one for one (lib/cli/find-new-findings.ts).
 */
export type Baseline = ReadonlyMap<string, number>;

// Cluster evidence has no path; SARIF cannot carry it, so neither format's keys use it.
const evidence = z.object({ path: z.string().optional(), snippet: z.string().optional() });
const dozenJson = z.object({
  services: z.array(
    z.object({
      path: z.string(),
      findings: z.array(z.object({ ruleId: z.string(), outcome: z.string(), evidence: z.array(evidence) })),
    }),
  ),
});

const sarifLocation = z.object({
  physicalLocation: z
    .object({
      artifactLocation: z.object({ uri: z.string() }),
      region: z.object({ snippet: z.object({ text: z.string() }).optional() }).optional(),
    })
    .optional(),
});
const dozenSarif = z.object({
  version: z.literal("2.1.0"),
  runs: z.array(
    z.object({
      tool: z.object({ driver: z.object({ name: z.literal("Dozen") }) }),
      results: z
        .array(
          z.object({
            ruleId: z.string(),
            properties: z.object({ servicePath: z.string() }),
            locations: z.array(sarifLocation).optional(),
            relatedLocations: z.array(sarifLocation).optional(),
          }),
        )
        .optional(),
    }),
  ),
});

/**
 * Reads a previous `dozen scan --format json` or `--format sarif` output (told apart by their shape) into a
 * Baseline. Only failing findings count. Lines are left out of every key, so a finding that moved when code
 * was added above it still matches. Throws a UsageError for anything else.
 */
export function parseBaseline(opts: { text: string; file: string }): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(opts.text);
  } catch {
    throw new UsageError(`--baseline ${opts.file} is not JSON: give a file \`dozen scan --format json|sarif\` wrote.`);
  }
  const counts = new Map<string, number>();
  const add = (key: string) => counts.set(key, (counts.get(key) ?? 0) + 1);
  const sarif = dozenSarif.safeParse(data);
  if (sarif.success) {
    for (const result of sarif.data.runs.flatMap((r) => r.results ?? [])) {
      const located = [...(result.locations ?? []), ...(result.relatedLocations ?? [])].flatMap((l) =>
        l.physicalLocation
          ? [{ path: decodeURI(l.physicalLocation.artifactLocation.uri), snippet: l.physicalLocation.region?.snippet?.text ?? "" }]
          : [],
      );
      for (const where of located.length > 0 ? located.map(locationKey) : [NO_LOCATION])
        add(baselineKey(result.properties.servicePath, result.ruleId, where));
    }
    return counts;
  }
  const json = dozenJson.safeParse(data);
  if (!json.success)
    throw new UsageError(`--baseline ${opts.file} is neither dozen's JSON nor its SARIF output (\`dozen scan --format json|sarif\`).`);
  for (const service of json.data.services) {
    for (const finding of service.findings.filter((f) => f.outcome === "fail")) {
      const located = finding.evidence.flatMap((e) => (e.path === undefined ? [] : [{ path: e.path, snippet: e.snippet ?? "" }]));
      for (const where of located.length > 0 ? located.map(locationKey) : [NO_LOCATION])
        add(baselineKey(service.path, finding.ruleId, where));
    }
  }
  return counts;
}

/** A finding without a file to point at (none, or a cluster object) matches one of its kind. */
export const NO_LOCATION = "-";

/** The key of one failing location of one check of one service. */
export function baselineKey(servicePath: string, ruleId: string, location: string): string {
  return `${servicePath}\u0000${ruleId}\u0000${location}`;
}

/** Where, without the line: a file and its snippet, whitespace collapsed (re-indented code still matches). */
export function locationKey(e: { path: string; snippet: string }): string {
  return `${e.path}\u0000${e.snippet.trim().replace(/\s+/g, " ")}`;
}
