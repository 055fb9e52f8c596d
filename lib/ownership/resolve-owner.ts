import { matchOwnershipRule } from "@/lib/ownership/match-ownership-rule";
import type { OwnerInputs, OwnerResolution, OwnershipRuleSpec } from "@/lib/ownership/types";

/** An instance rule with the name the service page gives it: "rule 3" (UI/API) or "instance file rule 1". */
export type LabelledRule = OwnershipRuleSpec & { label: string };

/**
 * Who owns a service, in this order of precedence (the first that gives a team wins):
 * 1. the service's own declaration: catalog-info.yaml `spec.owner`, or its own dozen.yaml `owner:`;
 * 2. the `ownership:` rules of the dozen.yaml at its source's root, in file order;
 * 3. the instance's rules: the instance file's (DOZEN_OWNERSHIP_FILE) in file order, then those made in the
 *    UI or API in their order;
 * 4. a team label on the Kubernetes workloads joined to it;
 * 5. its CODEOWNERS group taken as a team's name, only while no ownership rule exists at all (neither the
 *    instance's nor its source's): once there are rules, a CODEOWNERS group gives a team only through a
 *    `codeowners` rule, so a group such as `@org/approvers` never silently becomes a team;
 * 6. none: the service is unowned.
 * An owner set by hand (ownerSource `manual`) wins over all of these; the caller keeps it and does not ask.
 */
export function resolveOwner(opts: { inputs: OwnerInputs; instanceRules: readonly LabelledRule[] }): OwnerResolution {
  const { inputs, instanceRules } = opts;
  const { declared, codeowners, sourceRules = [] } = inputs.facts;
  if (declared?.owners[0]) return { team: { name: teamName(declared.owners[0]) }, source: declared.from, detail: `from ${declared.from}` };
  for (const [i, rule] of sourceRules.entries()) {
    if (matchOwnershipRule({ rule, inputs }))
      return { team: { name: rule.team }, source: "dozen.yaml rule", detail: `dozen.yaml rule ${i + 1}: ${describeRule(rule)}` };
  }
  for (const rule of instanceRules) {
    if (matchOwnershipRule({ rule, inputs }))
      return { team: rule.team, source: "instance rule", detail: `${rule.label}: ${describeRule(rule)}` };
  }
  const label = inputs.workloads.flatMap((w) => w.owners)[0];
  if (label) return { team: { name: teamName(label) }, source: "cluster label", detail: `from a cluster label (${label})` };
  const group = codeowners?.owners.find((o) => o.startsWith("@"));
  if (group && instanceRules.length === 0 && sourceRules.length === 0) {
    const line = codeowners?.line ? ` line ${codeowners.line}` : "";
    return { team: { name: teamName(group) }, source: "CODEOWNERS", detail: `from CODEOWNERS${line} (${group})` };
  }
  return { team: null, source: null, detail: null };
}

/** `repository \`acme/pay-*\``, as a rule is named on the service page and in lists. */
export function describeRule(rule: { kind: string; pattern: string }): string {
  return `${rule.kind === "codeowners" ? "CODEOWNERS group" : rule.kind} \`${rule.pattern}\``;
}

/**
 * The team an owner string names: "@acme/team-payments" (CODEOWNERS), "group:default/team-payments"
 * (catalog-info) and "team-payments" (a label) all name "team-payments".
 */
export function teamName(owner: string): string {
  return owner.replace(/^@/, "").split(/[/:]/).pop() ?? owner;
}
