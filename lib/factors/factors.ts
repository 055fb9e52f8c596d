/**
 * The fifteen factors Dozen audits: the original twelve plus the three later additions
 * (API-first, telemetry, authentication/authorization). The order is the methodology's own.
 */
export const FACTORS = [
  { id: "codebase", number: 1, roman: "I", name: "Codebase", summary: "One codebase tracked in revision control, many deploys." },
  { id: "dependencies", number: 2, roman: "II", name: "Dependencies", summary: "Explicitly declare and isolate dependencies." },
  { id: "config", number: 3, roman: "III", name: "Config", summary: "Store config in the environment." },
  { id: "backing-services", number: 4, roman: "IV", name: "Backing services", summary: "Treat backing services as attached resources." },
  { id: "build-release-run", number: 5, roman: "V", name: "Build, release, run", summary: "Strictly separate build and run stages." },
  { id: "processes", number: 6, roman: "VI", name: "Processes", summary: "Execute the app as one or more stateless processes." },
  { id: "port-binding", number: 7, roman: "VII", name: "Port binding", summary: "Export services via port binding." },
  { id: "concurrency", number: 8, roman: "VIII", name: "Concurrency", summary: "Scale out via the process model." },
  {
    id: "disposability",
    number: 9,
    roman: "IX",
    name: "Disposability",
    summary: "Maximize robustness with fast startup and graceful shutdown.",
  },
  {
    id: "dev-prod-parity",
    number: 10,
    roman: "X",
    name: "Dev/prod parity",
    summary: "Keep development, staging, and production as similar as possible.",
  },
  { id: "logs", number: 11, roman: "XI", name: "Logs", summary: "Treat logs as event streams." },
  { id: "admin-processes", number: 12, roman: "XII", name: "Admin processes", summary: "Run admin/management tasks as one-off processes." },
  {
    id: "api-first",
    number: 13,
    roman: "XIII",
    name: "API first",
    summary: "Design and publish the API contract before the implementation.",
  },
  {
    id: "telemetry",
    number: 14,
    roman: "XIV",
    name: "Telemetry",
    summary: "Expose metrics, traces and health so the app can be observed.",
  },
  {
    id: "auth",
    number: 15,
    roman: "XV",
    name: "Authentication & authorization",
    summary: "Secure every endpoint and run workloads with least privilege.",
  },
] as const;

export type Factor = (typeof FACTORS)[number];
export type FactorId = Factor["id"];

export const FACTOR_IDS = FACTORS.map((f) => f.id) as unknown as readonly [FactorId, ...FactorId[]];

/** Looks a factor up by id; undefined for an unknown id (e.g. a URL typo). */
export function findFactor(id: string): Factor | undefined {
  return FACTORS.find((f) => f.id === id);
}
