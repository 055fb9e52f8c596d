import { z } from "zod";
import { FACTOR_IDS } from "@/lib/factors/factors";
import { heatmapSearch } from "@/lib/heatmap/read-heatmap-search";
import { pageQuery, countedPageOf, timestamp } from "@/lib/api/schemas/common";

/** `GET /api/v1/services`: the heatmap's filters and sort (its own schema, so the two never drift), paged by cursor. */
export const serviceListQuery = heatmapSearch.omit({ page: true, size: true }).extend(pageQuery.shape);
export type ServiceListQuery = z.infer<typeof serviceListQuery>;

const score = z.number().min(0).max(100).nullable();
const factorId = z.enum(FACTOR_IDS);
const repository = z
  .string()
  .nullable()
  .meta({ description: "The repository it lives in (`acme/shop`); null for a service only a cluster saw." });
const qualifiedName = z.string().meta({
  description: "`<repository>:<name>` (`acme/shop:api`), or `<source>:<path>` without a repository: unique across sources.",
});

const tier = z
  .number()
  .int()
  .min(1)
  .max(4)
  .nullable()
  .meta({ description: "How critical it is, 1 (most) to 4, as it declares it (see the README's Ownership); null: no tier." });

/** A service as the list (and the heatmap) shows it: latest score, grade and score per factor. */
export const serviceSummary = z
  .object({
    slug: z.string(),
    name: z.string(),
    path: z.string().meta({ description: 'Directory of the service inside its source ("." for the root).' }),
    repository,
    qualifiedName,
    kind: z.string().nullable().meta({ description: "http, grpc, worker, job, tool, datastore or static; null before a scan." }),
    tier,
    team: z.string().nullable(),
    source: z.string(),
    score,
    grade: z.string().nullable(),
    scannedAt: timestamp.nullable(),
    factors: z.partialRecord(factorId, score).meta({ description: "Latest score per factor; a factor no check applied to is left out." }),
  })
  .meta({ id: "ServiceSummary" });

export const serviceList = countedPageOf(serviceSummary).meta({ id: "ServiceList" });

const repoEvidence = z.object({
  type: z.literal("repo"),
  path: z.string(),
  lineStart: z.number().int(),
  lineEnd: z.number().int(),
  snippet: z.string(),
  url: z.string().optional(),
});
const clusterEvidence = z.object({
  type: z.literal("cluster"),
  cluster: z.string(),
  namespace: z.string().nullable(),
  kind: z.string(),
  name: z.string(),
  jsonPath: z.string(),
  snippet: z.string().optional(),
});

/** One check's outcome on the service, with where it was seen. */
export const serviceFinding = z
  .object({
    ruleId: z.string(),
    factor: z.string(),
    outcome: z.enum(["pass", "fail", "notApplicable", "notAvailable", "error"]),
    message: z.string(),
    evidence: z.array(z.discriminatedUnion("type", [repoEvidence, clusterEvidence])),
    weight: z.number(),
    effort: z.string(),
    origin: z.enum(["repository", "cluster"]),
    fingerprint: z
      .string()
      .meta({ description: "What an exemption of this one finding names (`POST /api/v1/exemptions`, scope finding)." }),
    exemption: z
      .object({ id: z.number().int(), kind: z.string(), reason: z.string(), expiresAt: z.string().nullable() })
      .nullable()
      .meta({ description: "The exemption in force that keeps this failure out of the score; null when it counts." }),
  })
  .meta({ id: "Finding" });

/** `GET /api/v1/services/{slug}`: the service, its score and grade, its factor scores and every finding. */
export const serviceDetail = z
  .object({
    slug: z.string(),
    name: z.string(),
    path: z.string(),
    kind: z.string().nullable(),
    tier,
    languages: z.array(z.string()),
    repository,
    qualifiedName,
    team: z.object({ slug: z.string(), name: z.string() }).nullable(),
    owner: z
      .object({
        source: z.string().nullable().meta({
          description:
            "What gave the owner: manual, catalog-info.yaml, dozen.yaml, dozen.yaml rule, instance rule, cluster label or CODEOWNERS; null when unowned.",
        }),
        detail: z
          .string()
          .nullable()
          .meta({ description: 'Which rule or line: "rule 3: repository `acme/pay-*`", "set by alice on 2026-12-06".' }),
      })
      .meta({ description: "Where the team comes from (see the README's Ownership)." }),
    source: z.object({ name: z.string(), kind: z.string(), location: z.string() }),
    score,
    grade: z.string().nullable(),
    scannedAt: timestamp.nullable(),
    commit: z.string().nullable(),
    factorScores: z.array(z.object({ factor: factorId, score, passed: z.number().int(), failed: z.number().int() })),
    findings: z.array(serviceFinding),
  })
  .meta({ id: "ServiceDetail" });

export const slugParams = z.object({ slug: z.string().min(1).max(200) });

/** `GET /api/v1/services/{slug}/findings/{ruleId}/guide`: which finding's guide. */
export const findingGuideParams = slugParams.extend({ ruleId: z.string().min(1).max(200) });
export const findingGuideQuery = z.object({
  origin: z
    .enum(["repository", "cluster"])
    .default("repository")
    .meta({ description: "Where the finding was seen: the latest repository scan (default) or the latest cluster audit." }),
});

/** A finding's remediation guide, filled from its evidence and in the code's language. */
export const findingGuide = z
  .object({
    ruleId: z.string(),
    origin: z.enum(["repository", "cluster"]),
    markdown: z.string().meta({ description: "The guide as markdown; values from the repository or cluster are escaped as text." }),
    html: z
      .string()
      .meta({ description: "The same guide as HTML with highlighted code: no raw HTML, scripts or images from the markdown." }),
  })
  .meta({ id: "FindingGuide" });
