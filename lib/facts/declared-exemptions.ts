import { parse } from "yaml";
import type { RepoConfigFile } from "@/lib/facts/types";
import type { WorkloadFacts } from "@/lib/facts/workload/types";

/** An exemption kept in code: a dozen.yaml `exemptions:` entry or a workload's `dozen.dev/exempt.<checkId>` annotation. */
export interface DeclaredExemption {
  /** What a scan keys it by within its service (`yaml:<check>`, `manifest:<ns>/<kind>/<name>:<check>`, `cluster:…`). */
  key: string;
  checkId: string;
  kind: "false-positive" | "accepted-risk" | "not-applicable";
  reason: string;
  /** YYYY-MM-DD, valid through that day (UTC); null: none. */
  expires: string | null;
  /** Where it is declared: `dozen.yaml` or the workload. */
  location: string;
}

/** Declared exemptions that parse, and a sentence for each one that does not (reported, never fatal). */
export interface DeclaredExemptions {
  exemptions: DeclaredExemption[];
  problems: string[];
}

const KINDS = ["false-positive", "accepted-risk", "not-applicable"] as const;
const CHECK_ID = /^[A-Za-z][\w.-]*$/;
const DAY = /^\d{4}-\d\d-\d\d$/;
export const EXEMPT_ANNOTATION = "dozen.dev/exempt.";

type Entry = Omit<DeclaredExemption, "key" | "location">;

/** One entry's fields checked alike wherever it comes from; a string is the problem. */
function checkEntry(e: { checkId: unknown; kind: unknown; reason: unknown; expires: unknown }): Entry | string {
  if (typeof e.checkId !== "string" || !CHECK_ID.test(e.checkId)) return "`check` must be a check id such as handlesSigterm";
  const kind = e.kind ?? "accepted-risk";
  if (typeof kind !== "string" || !(KINDS as readonly string[]).includes(kind))
    return "`kind` must be false-positive, accepted-risk or not-applicable";
  if (typeof e.reason !== "string" || e.reason.trim() === "") return "a reason is required";
  const expires = e.expires instanceof Date ? e.expires.toISOString().slice(0, 10) : e.expires;
  if (expires !== undefined && expires !== null && (typeof expires !== "string" || !DAY.test(expires) || Number.isNaN(Date.parse(expires))))
    return "`expires` must be a day, YYYY-MM-DD";
  if (kind === "accepted-risk" && !expires) return "an accepted risk needs an expiry (YYYY-MM-DD)";
  return {
    checkId: e.checkId,
    kind: kind as Entry["kind"],
    reason: e.reason.trim().slice(0, 1000),
    expires: (expires as string | undefined) ?? null,
  };
}

/**
 * `exemptions:` of a repository's dozen.yaml, for one of its services: entries naming no `service`, or naming
 * this one (by name or path). Each entry: `check` (required), `kind` (default accepted-risk), `reason`
 * (required), `expires` (YYYY-MM-DD; required for an accepted risk), `service` (optional). Pure.
 */
export function readConfigExemptions(opts: {
  repoConfig: RepoConfigFile | null;
  service: { name: string; path: string };
}): DeclaredExemptions {
  const found: DeclaredExemptions = { exemptions: [], problems: [] };
  if (!opts.repoConfig) return found;
  let raw: unknown;
  try {
    raw = parse(opts.repoConfig.text);
  } catch {
    return found; // The scoring config reports a file that does not parse.
  }
  const list = raw && typeof raw === "object" ? (raw as { exemptions?: unknown }).exemptions : undefined;
  if (list === undefined || list === null) return found;
  const where = opts.repoConfig.path;
  if (!Array.isArray(list)) return { ...found, problems: [`${where} exemptions: a list of entries`] };
  list.forEach((item: unknown, i) => {
    if (!item || typeof item !== "object" || Array.isArray(item))
      return found.problems.push(`${where} exemptions[${i}]: an entry with check, kind, reason, expires`);
    const e = item as Record<string, unknown>;
    if (e.service !== undefined && e.service !== opts.service.name && e.service !== opts.service.path) return;
    const unknown = Object.keys(e).filter((k) => !["check", "kind", "reason", "expires", "service"].includes(k));
    if (unknown.length > 0)
      return found.problems.push(`${where} exemptions[${i}]: unknown key ${unknown.map((k) => `\`${k}\``).join(", ")}`);
    const checked = checkEntry({ checkId: e.check, kind: e.kind, reason: e.reason, expires: e.expires });
    if (typeof checked === "string") return found.problems.push(`${where} exemptions[${i}]: ${checked}`);
    found.exemptions.push({ ...checked, key: `yaml:${checked.checkId}`, location: where });
  });
  return dedupe(found);
}

/**
 * A workload's `dozen.dev/exempt.<checkId>: "<reason>; expires=YYYY-MM-DD"` annotations (optionally `; kind=…`,
 * default accepted-risk), from a manifest (`from: "manifest"`) or a live cluster. Pure.
 */
export function readAnnotationExemptions(opts: {
  workloads: readonly Pick<WorkloadFacts, "kind" | "namespace" | "name" | "annotations">[];
  from: "manifest" | "cluster";
}): DeclaredExemptions {
  const found: DeclaredExemptions = { exemptions: [], problems: [] };
  for (const w of opts.workloads) {
    const workload = `${w.namespace || "-"}/${w.kind}/${w.name}`;
    for (const [key, value] of Object.entries(w.annotations)) {
      if (!key.startsWith(EXEMPT_ANNOTATION)) continue;
      const checkId = key.slice(EXEMPT_ANNOTATION.length);
      const where = `${workload} annotation ${key}`;
      const [reason, ...options] = value.split(";").map((p) => p.trim());
      const fields: Record<string, string> = {};
      let bad: string | null = null;
      for (const option of options.filter(Boolean)) {
        const m = /^(expires|kind)=(.*)$/.exec(option);
        if (!m) bad = `"${option}" is not expires=YYYY-MM-DD or kind=…`;
        else fields[m[1]!] = m[2]!.trim();
      }
      const checked = bad ?? checkEntry({ checkId, kind: fields.kind, reason, expires: fields.expires });
      if (typeof checked === "string") {
        found.problems.push(`${where}: ${checked} (write "<reason>; expires=YYYY-MM-DD")`);
        continue;
      }
      found.exemptions.push({ ...checked, key: `${opts.from}:${workload}:${checkId}`, location: `${workload}` });
    }
  }
  return dedupe(found);
}

/** The first declaration of a key wins; a repeat is reported. */
function dedupe(found: DeclaredExemptions): DeclaredExemptions {
  const seen = new Set<string>();
  const exemptions = found.exemptions.filter((e) => {
    if (!seen.has(e.key)) return seen.add(e.key);
    found.problems.push(`${e.location}: ${e.checkId} is exempted twice; the first entry counts`);
    return false;
  });
  return { exemptions, problems: found.problems };
}
