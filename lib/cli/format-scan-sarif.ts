import { createHash } from "node:crypto";
import type { Log, ReportingDescriptor, Result } from "sarif";
import type { NewFinding } from "@/lib/cli/find-new-findings";
import { renderGuide } from "@/lib/guides/render-guide";
import { getGuide, RULES } from "@/lib/rules/registry";
import type { Effort, Evidence, Finding, RepoEvidence } from "@/lib/rules/types";
import type { ScanOutcome, ServiceScanResult } from "@/lib/pipeline/types";

/** What SARIF needs to describe a check: built-in rules and config-defined checks alike. */
export interface SarifRuleInfo {
  id: string;
  factor: string;
  title: string;
  rationale: string;
  effort: Effort;
  defaultWeight: number;
  /** Remediation guide in Markdown. */
  guide: string;
}

/** The built-in catalogue as SARIF rule descriptions. */
export function builtInSarifRules(): SarifRuleInfo[] {
  return RULES.map((r) => ({
    id: r.id,
    factor: r.factor,
    title: r.title,
    rationale: r.rationale,
    effort: r.effort,
    defaultWeight: r.defaultWeight,
    guide: getGuide(r.id) ?? "",
  }));
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every check as a rule (with its guide as
 * help), one result per failing finding at its first evidence location (further evidence as related locations).
 * Paths are relative to the scanned directory (`%SRCROOT%`), so scanning the repository root gives the URIs code
 * scanning expects. Fingerprints hash the rule, service, path and snippet, not the line, so an alert survives
 * edits above it. Every location is there (a baseline run matches on them all); with `newFindings` (a run against
 * a baseline) each result carries `baselineState`: `new` when it has a location the baseline does not hold.
 */
export function formatScanSarif(opts: {
  outcome: ScanOutcome;
  root: string;
  rules?: SarifRuleInfo[];
  newFindings?: readonly NewFinding[];
}): string {
  const rules = opts.rules ?? builtInSarifRules();
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const fresh = opts.newFindings ? new Set(opts.newFindings.map((n) => n.finding)) : undefined;
  const results = opts.outcome.services.flatMap((s) =>
    s.findings
      .filter((f) => f.outcome === "fail")
      .map((f) => ({
        ...result(s, f, index.get(f.ruleId)),
        // Against a baseline, SARIF's own field says which results it did not hold.
        ...(fresh ? { baselineState: fresh.has(f) ? ("new" as const) : ("unchanged" as const) } : {}),
      })),
  );
  const log: Log = {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: { driver: { name: "Dozen", semanticVersion: "0.1.0", rules: rules.map(descriptor) } },
        originalUriBaseIds: { "%SRCROOT%": { uri: `file://${opts.root.endsWith("/") ? opts.root : `${opts.root}/`}` } },
        columnKind: "utf16CodeUnits",
        invocations: [
          {
            executionSuccessful: opts.outcome.failures.length === 0,
            toolExecutionNotifications: opts.outcome.failures.map((f) => ({
              level: "error" as const,
              message: { text: `${f.name} (${f.path}) could not be scanned: ${f.error}` },
            })),
          },
        ],
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

function descriptor(rule: SarifRuleInfo): ReportingDescriptor {
  // At rule level there is no finding: no "Where", placeholders read `<path>`, and every language's example.
  const markdown = renderGuide({ ruleId: rule.id, evidence: [], markdown: rule.guide }) ?? rule.guide;
  return {
    id: rule.id,
    name: rule.id.charAt(0).toUpperCase() + rule.id.slice(1),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale}\n\nRun \`dozen explain ${rule.id}\` for the remediation guide.`, markdown },
    defaultConfiguration: { level: "error" },
    properties: { factor: rule.factor, effort: rule.effort, weight: rule.defaultWeight, tags: ["twelve-factor", rule.factor] },
  };
}

function result(service: ServiceScanResult, finding: Finding, ruleIndex: number | undefined): Result {
  const repo = finding.evidence.filter((e): e is RepoEvidence => e.type === "repo");
  const [first, ...rest] = repo;
  return {
    ruleId: finding.ruleId,
    ...(ruleIndex === undefined ? {} : { ruleIndex }),
    level: "error",
    message: { text: `${service.name}: ${finding.message}` },
    locations: first
      ? [location(first)]
      : [{ logicalLocations: [{ name: service.name, fullyQualifiedName: service.path, kind: "module" }] }],
    ...(rest.length > 0 ? { relatedLocations: rest.map((e, i) => ({ id: i + 1, ...location(e), message: { text: "Also here." } })) } : {}),
    partialFingerprints: { "dozenFinding/v1": fingerprint(service, finding, first) },
    properties: {
      service: service.name,
      servicePath: service.path,
      factor: finding.factor,
      effort: finding.effort,
      weight: finding.weight,
    },
  };
}

function location(e: RepoEvidence) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(e.path), uriBaseId: "%SRCROOT%" },
      region: { startLine: e.lineStart, endLine: e.lineEnd, ...(e.snippet ? { snippet: { text: e.snippet } } : {}) },
    },
  };
}

function fingerprint(service: ServiceScanResult, finding: Finding, first: Evidence | undefined): string {
  const where = first?.type === "repo" ? `${first.path}\n${first.snippet.trim()}` : "";
  return createHash("sha256").update(`${finding.ruleId}\n${service.path}\n${where}`).digest("hex");
}
