// The layers of Dozen, one direction: each layer may import only the layers it lists (and itself).
// `npm run lint:layers` (part of `npm test`) fails on any import that breaks this table, and on any cycle
// between two folders of lib/. The README's "Layers" section is this table in words.
/** @type {Record<string, { paths: string[]; may: string[] }>} */
const LAYERS = {
  platform: {
    paths: ["lib/env\\.ts", "lib/errors\\.ts", "lib/log/", "lib/text/", "lib/telemetry/", "lib/http/", "lib/generated/"],
    may: [],
  },
  catalogue: { paths: ["lib/factors/"], may: ["platform"] },
  facts: { paths: ["lib/facts/"], may: ["catalogue", "platform"] },
  ownership: { paths: ["lib/ownership/"], may: ["platform"] },
  collectors: { paths: ["lib/collectors/"], may: ["facts", "platform"] },
  rules: { paths: ["lib/rules/"], may: ["facts", "catalogue", "platform"] },
  scoring: { paths: ["lib/scoring/"], may: ["rules", "facts", "ownership", "catalogue", "platform"] },
  pipeline: { paths: ["lib/pipeline/"], may: ["collectors", "scoring", "rules", "facts", "ownership", "catalogue", "platform"] },
  db: { paths: ["lib/db\\.ts", "lib/db/"], may: ["platform"] },
  jobs: { paths: ["lib/jobs/"], may: ["db", "platform"] },
  // The audit log: writing an event (inside a mutation's transaction) and reading the log.
  audit: { paths: ["lib/audit/"], may: ["db", "platform"] },
  // Initiatives: goals over a scope with a deadline, judged once per scan into their own rollups, and read by pages.
  initiatives: { paths: ["lib/initiatives/"], may: ["scoring", "rules", "facts", "ownership", "catalogue", "audit", "db", "platform"] },
  // Exemptions: their contract (zod), which are in force for a service, lists and counts for pages and the API.
  exemptions: { paths: ["lib/exemptions/"], may: ["scoring", "rules", "facts", "catalogue", "db", "platform"] },
  // Notifications: channels (credentials sealed), events worked out per scan, deliveries (webhooks, e-mail).
  notifications: {
    paths: ["lib/notifications/"],
    may: ["initiatives", "exemptions", "scoring", "rules", "facts", "ownership", "catalogue", "jobs", "audit", "db", "platform"],
  },
  persistence: {
    paths: ["lib/persistence/", "lib/rollups/"],
    may: [
      "notifications",
      "initiatives",
      "exemptions",
      "pipeline",
      "scoring",
      "rules",
      "facts",
      "ownership",
      "catalogue",
      "jobs",
      "audit",
      "db",
      "platform",
    ],
  },
  readers: {
    paths: ["lib/fleet/", "lib/heatmap/", "lib/teams/", "lib/services/", "lib/factor-report/", "lib/scans/", "lib/trends/", "lib/metrics/"],
    may: ["exemptions", "scoring", "rules", "facts", "ownership", "catalogue", "db", "platform"],
  },
  sources: {
    paths: ["lib/sources/"],
    may: [
      "readers",
      "persistence",
      "pipeline",
      "collectors",
      "scoring",
      "rules",
      "facts",
      "ownership",
      "catalogue",
      "jobs",
      "audit",
      "db",
      "platform",
    ],
  },
  // The v1 HTTP API's contract (zod schemas, OpenAPI) and the functions its route handlers call.
  api: {
    paths: ["lib/api/"],
    may: [
      "notifications",
      "initiatives",
      "exemptions",
      "sources",
      "readers",
      "persistence",
      "jobs",
      "audit",
      "scoring",
      "rules",
      "facts",
      "ownership",
      "catalogue",
      "db",
      "platform",
    ],
  },
  presentation: {
    paths: ["lib/guides/", "lib/export/"],
    may: ["sources", "readers", "exemptions", "audit", "scoring", "rules", "facts", "ownership", "catalogue", "platform"],
  },
  cli: {
    paths: ["lib/cli/"],
    // ops: the admin command `dozen tokens` opens the database as `npm start` runs it.
    may: [
      "api",
      "presentation",
      "sources",
      "pipeline",
      "collectors",
      "scoring",
      "rules",
      "facts",
      "ownership",
      "catalogue",
      "audit",
      "ops",
      "platform",
    ],
  },
  ops: { paths: ["lib/ops/"], may: ["sources", "persistence", "jobs", "audit", "db", "platform"] },
  components: {
    paths: ["components/"],
    may: [
      "presentation",
      "sources",
      "readers",
      "notifications",
      "initiatives",
      "exemptions",
      "scoring",
      "rules",
      "facts",
      "ownership",
      "catalogue",
      "platform",
    ],
  },
  app: {
    paths: ["app/"],
    may: [
      "api",
      "notifications",
      "initiatives",
      "exemptions",
      "components",
      "presentation",
      "sources",
      "readers",
      "persistence",
      "ops",
      "jobs",
      "audit",
      "scoring",
      "rules",
      "facts",
      "ownership",
      "catalogue",
      "db",
      "platform",
    ],
  },
  workers: {
    paths: ["workers/"],
    may: ["notifications", "exemptions", "ops", "sources", "persistence", "pipeline", "jobs", "audit", "db", "platform"],
  },
};

const anyOf = (paths) => `^(?:${paths.join("|")})`;
// Tests sit beside the code they test but are not product code: an integration test may cross layers.
const TESTS = "\\.test\\.tsx?$";
const PRODUCT = anyOf(Object.values(LAYERS).flatMap((l) => l.paths));

const layerRules = Object.entries(LAYERS).map(([name, layer]) => ({
  name: `layer-${name}`,
  comment: `${name} may import only: ${layer.may.join(", ") || "nothing but itself"}`,
  severity: "error",
  from: { path: anyOf(layer.paths), pathNot: TESTS },
  to: { path: PRODUCT, pathNot: anyOf([...layer.paths, ...layer.may.flatMap((m) => LAYERS[m].paths)]) },
}));

module.exports = {
  forbidden: [
    ...layerRules,
    {
      name: "product-not-to-tests",
      comment: "Product code never imports tests, stand-ins, benchmarks or scripts.",
      severity: "error",
      from: { path: PRODUCT, pathNot: TESTS },
      to: { path: "^(?:test|e2e|bench|scripts)/" },
    },
    {
      name: "no-circular",
      comment: "No module imports itself through others.",
      severity: "error",
      from: { path: PRODUCT },
      to: { circular: true },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      from: { path: PRODUCT },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)(node_modules|\\.next|fixtures|generated)/" },
    tsConfig: { fileName: "tsconfig.json" },
    tsPreCompilationDeps: true,
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".d.ts"],
    },
  },
};
