import { z } from "zod";
import { FACTOR_IDS } from "@/lib/factors/factors";
import { SERVICE_KIND_NAMES } from "@/lib/facts/service-kinds";

/** The tier filter's values: a tier, or `none` (no tier declared). */
export const TIER_FILTERS = ["1", "2", "3", "4", "none"] as const;

/** Rows per heatmap page by default: enough to scan at a glance, few enough that a page renders at once at 10,000 services. */
export const HEATMAP_PAGE_SIZE = 50;
/** The page sizes a reader can pick; anything else in a URL falls back to the default. */
export const HEATMAP_PAGE_SIZES = [10, 25, 50, 100] as const;

const text = z.string().trim().max(100).optional();

/**
 * The heatmap's state as it lives in the URL (`?team=…&kind=grpc&tier=1&factor=config&check=…&sort=logs&dir=desc&page=2&size=25`): the one
 * contract shared by the overview page, the client that keeps the URL in sync, `/api/v1/services` and the CSV
 * export. Empty values count as unset.
 */
export const heatmapSearch = z.object({
  team: text,
  source: text,
  /** A service kind (lib/facts/service-kinds.ts). */
  kind: z.enum(SERVICE_KIND_NAMES).optional(),
  /** A service tier, 1 (most critical) to 4, or `none` for the services without one. */
  tier: z.enum(TIER_FILTERS).optional(),
  grade: z.enum(["A", "B", "C", "D", "F", "N/A"]).optional(),
  factor: z.enum(FACTOR_IDS).optional(),
  /** A check's rule id: built-in, cluster or a source's custom check, so any id-shaped string. */
  check: z
    .string()
    .trim()
    .regex(/^[A-Za-z][\w.-]{0,99}$/)
    .optional(),
  q: text,
  sort: z.enum(["score", "name", ...FACTOR_IDS]).default("score"),
  dir: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  size: z.coerce
    .number()
    .int()
    .refine((n) => (HEATMAP_PAGE_SIZES as readonly number[]).includes(n), "one of 10, 25, 50, 100")
    .default(HEATMAP_PAGE_SIZE),
});

export type HeatmapSearch = z.infer<typeof heatmapSearch>;
export type HeatmapFilter = "team" | "source" | "kind" | "tier" | "grade" | "factor" | "check" | "q";

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** URL parameters → plain object of the first non-empty value of each key. */
export function searchEntries(params: Params): Record<string, string> {
  const entries = params instanceof URLSearchParams ? [...params.entries()] : Object.entries(params);
  const out: Record<string, string> = {};
  for (const [key, value] of entries) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first && !(key in out)) out[key] = first;
  }
  return out;
}

/** Parses the heatmap's URL state; a hand-edited or stale link with an invalid value falls back to the defaults. */
export function readHeatmapSearch(params: Params): HeatmapSearch {
  const parsed = heatmapSearch.safeParse(searchEntries(params));
  return parsed.success ? parsed.data : heatmapSearch.parse({});
}

/** The query string of a state, defaults left out so the plain overview stays `/`; keys in a stable order. */
export function toHeatmapQueryString(search: HeatmapSearch): string {
  const params = new URLSearchParams();
  for (const key of ["team", "source", "kind", "tier", "grade", "factor", "check", "q"] as const) {
    const value = search[key];
    if (value) params.set(key, value);
  }
  if (search.sort !== "score") params.set("sort", search.sort);
  if (search.dir !== "asc") params.set("dir", search.dir);
  if (search.page !== 1) params.set("page", String(search.page));
  if (search.size !== HEATMAP_PAGE_SIZE) params.set("size", String(search.size));
  return params.toString();
}
