import { z } from "zod";

/** What an ownership rule looks at, in the order the README lists them. */
export const OWNERSHIP_RULE_KINDS = ["codeowners", "repository", "path", "namespace", "label"] as const;
export type OwnershipRuleKind = (typeof OWNERSHIP_RULE_KINDS)[number];

const pattern = z.string().trim().min(1).max(200);

/** A rule's pattern, checked the same in the UI, the API and files: a label rule's is `key=value`. */
export const ownershipPatternSchema = z
  .object({ kind: z.enum(OWNERSHIP_RULE_KINDS), pattern })
  .refine((r) => r.kind !== "label" || /^[^=\s]+=\S*$/.test(r.pattern), {
    message: "a label rule's pattern is key=value (the value may use * and ?)",
    path: ["pattern"],
  });

/**
 * One entry of an `ownership:` list in `dozen.yaml` or the instance file (DOZEN_OWNERSHIP_FILE): exactly one
 * of the kinds, and the team it gives, e.g. `{ repository: "acme/pay-*", team: payments }`.
 */
export const ownershipEntrySchema = z
  .strictObject({
    codeowners: pattern.optional(),
    repository: pattern.optional(),
    path: pattern.optional(),
    namespace: pattern.optional(),
    label: pattern.regex(/^[^=\s]+=\S*$/, "key=value").optional(),
    team: z.string().trim().min(1).max(80),
  })
  .refine((e) => OWNERSHIP_RULE_KINDS.filter((k) => e[k] !== undefined).length === 1, {
    message: `exactly one of ${OWNERSHIP_RULE_KINDS.join(", ")}`,
  });

/** `ownership:` as dozen.yaml and the instance file hold it. */
export const ownershipListSchema = z.array(ownershipEntrySchema).max(500);

/** A rule ready to match: from a file (team by name) or the database (team by id). */
export interface OwnershipRuleSpec {
  kind: OwnershipRuleKind;
  pattern: string;
  team: { id: number; name: string } | { name: string };
}

/**
 * What a scan found about a service's ownership, kept on the service (Service.ownerFacts) so a rule change
 * re-applies ownership without a scan.
 */
export interface OwnerFacts {
  /** The owner the service declares itself: catalog-info.yaml `spec.owner`, or its own dozen.yaml `owner:`. */
  declared?: { owners: string[]; from: "catalog-info.yaml" | "dozen.yaml" };
  /** The CODEOWNERS groups (and people) owning the service's folder, with the file and line that said so. */
  codeowners?: { owners: string[]; file: string; line: number | null };
  /** The `ownership:` rules of the dozen.yaml at the root of its source. */
  sourceRules?: { kind: OwnershipRuleKind; pattern: string; team: string }[];
  /** The tier (1–4) its catalog-info.yaml or dozen.yaml declares, and that file; it wins over a workload label. */
  tier?: { tier: number; from: string };
}

/** What ownership is worked out from: the scan's OwnerFacts and where the service is. */
export interface OwnerInputs {
  facts: OwnerFacts;
  repository: string | null;
  path: string;
  /** The workloads a cluster source joined to it. */
  workloads: { namespace: string; labels: string[]; owners: string[] }[];
}

/** Who owns a service and why; `team: null` is unowned. */
export interface OwnerResolution {
  team: { id: number; name: string } | { name: string } | null;
  /** manual, catalog-info.yaml, dozen.yaml, dozen.yaml rule, instance rule, cluster label, CODEOWNERS */
  source: string | null;
  /** What the service page says: "rule 3: repository `acme/pay-*`", "CODEOWNERS line 12 (@acme/payments)". */
  detail: string | null;
}
