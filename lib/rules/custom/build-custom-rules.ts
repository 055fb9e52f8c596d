import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { codeLines, productionFiles } from "@/lib/rules/helpers/code-lines";
import { lineEvidence, pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { isIgnoredPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";
import { manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { CustomCheck } from "@/lib/rules/custom/custom-check-schema";
import { globToRegExp } from "@/lib/rules/custom/match-glob";
import type { RepoEvidence, RepositoryCheck, RuleResult } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

/** A config-defined check as a rule like the built-in ones (its guide travels with it, not in the registry). */
export interface CustomRule extends RepositoryCheck {
  guide: string;
}

/** Turns the `checks:` of a config into rules. Pure: evaluation reads only the facts, like every rule. */
export function buildCustomRules(opts: { checks: readonly CustomCheck[] }): CustomRule[] {
  return opts.checks.map((check) => ({
    id: check.id,
    version: 1,
    factor: check.factor,
    title: check.title,
    rationale: check.rationale ?? check.title,
    judges: "repository",
    effort: check.effort,
    defaultWeight: check.weight,
    guide: check.guide,
    evaluate: (facts) => evaluate(check, facts),
  }));
}

function evaluate(check: CustomCheck, facts: ServiceFacts): RuleResult {
  if (check.kind === "manifestField") return judgeManifests(check, facts);
  const glob = globToRegExp(check.glob);
  const inService = (path: string) => pathInService(facts.service.path, path);
  if (check.kind === "fileExists") {
    const found = facts.files.filter((p) => glob.test(inService(p)));
    if (found.length > 0)
      return pass(
        `Found ${found.slice(0, 3).join(", ")}.`,
        found.slice(0, 3).map((path) => pathEvidence({ facts, path })),
      );
    return fail(`No file matches ${check.glob}.`, [
      { type: "repo", path: facts.service.path, lineStart: 1, lineEnd: 1, snippet: `no file matches ${check.glob}` },
    ]);
  }
  if (check.kind === "fileAbsent") {
    const found = facts.files.filter((p) => glob.test(inService(p)) && !isIgnoredPath(inService(p)));
    if (found.length > 0)
      return fail(
        `${plural(found.length, "file")} must not exist: ${found.slice(0, 3).join(", ")}.`,
        found.map((path) => pathEvidence({ facts, path })),
      );
    return pass(`No file matches ${check.glob}.`);
  }
  const files = productionFiles(facts).filter((f) => glob.test(inService(f.path)));
  if (files.length === 0) return notApplicable(`No readable file matches ${check.glob}.`);
  const pattern = new RegExp(check.pattern);
  if (check.kind === "fileMatches") {
    const lacking = files.filter((f) => !f.lines.some((line) => pattern.test(line)));
    if (lacking.length > 0)
      return fail(
        `${plural(lacking.length, "file", { verb: "lack" })} /${check.pattern}/.`,
        lacking.map((file) => lineEvidence({ file, lineStart: 1 })),
      );
    return pass(`Every file matching ${check.glob} contains /${check.pattern}/.`);
  }
  // fileNotMatches: comments never count, like every other finding.
  const hits: RepoEvidence[] = [];
  for (const file of files)
    codeLines(file).forEach((code, i) => {
      if (pattern.test(code)) hits.push(lineEvidence({ file, lineStart: i + 1 }));
    });
  if (hits.length > 0) return fail(`/${check.pattern}/ found (${plural(hits.length, "line")}).`, hits);
  return pass(`No file matching ${check.glob} contains /${check.pattern}/.`);
}

function judgeManifests(check: Extract<CustomCheck, { kind: "manifestField" }>, facts: ServiceFacts): RuleResult {
  const objects = facts.manifests.filter((m) => m.kind === check.manifestKind && !isIgnoredPath(pathInService(facts.service.path, m.path)));
  if (objects.length === 0) return notApplicable(`No ${check.manifestKind} manifest.`);
  const pattern = new RegExp(check.pattern);
  const keys = check.path.split(".");
  const field = (keys.at(-1) ?? "").replace("[]", "");
  const bad: RepoEvidence[] = [];
  const names: string[] = [];
  for (const m of objects) {
    const values = walk(m.object, keys);
    const wrong = values.length === 0 ? ["(missing)"] : values.filter((v) => !pattern.test(typeof v === "string" ? v : JSON.stringify(v)));
    if (wrong.length === 0) continue;
    names.push(`${objectName(m)} ${check.path} = ${wrong.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join(", ")}`);
    // Point at the offending value's line when it is a scalar written on its key's line, else at the key.
    const first = wrong[0];
    const value = typeof first === "string" && first !== "(missing)" ? String.raw`\s*["']?${escapeRegExp(first)}` : "";
    bad.push(manifestEvidence(facts, m, new RegExp(String.raw`^\s*(-\s*)?${escapeRegExp(field)}:${value}`)));
  }
  if (bad.length > 0) return fail(`${check.path} does not match /${check.pattern}/: ${names.join("; ")}.`, bad);
  return pass(`${check.path} matches /${check.pattern}/ in ${plural(objects.length, check.manifestKind)}.`);
}

/** Values at a dotted path; `name[]` walks each element of a list. Missing keys yield nothing. */
function walk(value: unknown, keys: string[]): unknown[] {
  if (keys.length === 0) return value === undefined ? [] : [value];
  const [head = "", ...rest] = keys;
  const each = head.endsWith("[]");
  const key = each ? head.slice(0, -2) : head;
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const next = (value as Record<string, unknown>)[key];
  if (!each) return walk(next, rest);
  return Array.isArray(next) ? next.flatMap((item) => walk(item, rest)) : [];
}
