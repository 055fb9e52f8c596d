import { z } from "zod";
import { FACTORS, type FactorId } from "@/lib/factors/factors";

const FACTOR_IDS = FACTORS.map((f) => f.id) as [FactorId, ...FactorId[]];

/** A regular expression given as text; invalid ones fail validation with the engine's reason. */
const regexText = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    try {
      new RegExp(text);
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `invalid regular expression: ${error instanceof Error ? error.message : String(error)}` });
    }
  });

const common = {
  /** camelCase, stating the compliant condition, like built-in rule ids. */
  id: z.string().regex(/^[a-z][a-zA-Z0-9]+$/, "must be camelCase, e.g. hasRunbook"),
  factor: z.enum(FACTOR_IDS),
  title: z.string().min(1),
  /** Why it matters; defaults to the title. */
  rationale: z.string().optional(),
  weight: z.number().min(0).max(100).default(3),
  effort: z.enum(["low", "medium", "high"]).default("medium"),
  /** Remediation guide in Markdown, shown by `dozen explain` and in SARIF help. */
  guide: z.string().min(1),
};

/**
 * A check defined in a config file, without code. Globs are relative to each service's directory (`**` any
 * depth, `*` within a name; a glob without `/` matches a file name at any depth); patterns are JavaScript
 * regular expressions tested line by line.
 */
export const customCheckSchema = z.discriminatedUnion("kind", [
  z.strictObject({ ...common, kind: z.literal("fileExists"), glob: z.string().min(1) }),
  z.strictObject({ ...common, kind: z.literal("fileAbsent"), glob: z.string().min(1) }),
  z.strictObject({ ...common, kind: z.literal("fileMatches"), glob: z.string().min(1), pattern: regexText }),
  z.strictObject({ ...common, kind: z.literal("fileNotMatches"), glob: z.string().min(1), pattern: regexText }),
  z.strictObject({
    ...common,
    kind: z.literal("manifestField"),
    /** Kubernetes kind, e.g. Deployment. */
    manifestKind: z.string().min(1),
    /** Dotted path into the object; `[]` walks every element of a list: spec.template.spec.containers[].image */
    path: z.string().regex(/^[\w-]+(\[\])?(\.[\w-]+(\[\])?)*$/, "must be a dotted path such as spec.template.spec.containers[].image"),
    pattern: regexText,
  }),
]);

export type CustomCheck = z.infer<typeof customCheckSchema>;
