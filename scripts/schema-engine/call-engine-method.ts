import { createDatabase } from "./create-database";
import type { SchemaEngine } from "./load-schema-engine";
import type { CallClient } from "./serve-json-rpc";

/** Native RPC methods the WASM engine serves → its method names. */
const WASM_METHODS: Record<string, keyof SchemaEngine> = {
  applyMigrations: "applyMigrations",
  createMigration: "createMigration",
  dbExecute: "dbExecute",
  debugPanic: "debugPanic",
  devDiagnostic: "devDiagnostic",
  diagnoseMigrationHistory: "diagnoseMigrationHistory",
  diff: "diff",
  ensureConnectionValidity: "ensureConnectionValidity",
  evaluateDataLoss: "evaluateDataLoss",
  getDatabaseVersion: "version",
  introspect: "introspect",
  introspectSql: "introspectSql",
  markMigrationApplied: "markMigrationApplied",
  markMigrationRolledBack: "markMigrationRolledBack",
  reset: "reset",
  schemaPush: "schemaPush",
};

/**
 * Runs one native JSON-RPC method on the WASM engine. The request and result shapes are the same on both
 * (prisma-engines' json-rpc types); the differences are handled here:
 * - `createDatabase` is not in the WASM engine: node-postgres does it. `getDatabaseDescription` (unused by
 *   the CLI's commands) is not served.
 * - `diff` returns its output, where the native engine asks the CLI to `print` it (which is what honours
 *   `migrate diff --output`).
 * - `evaluateDataLoss` and `createMigration` get no shadow database on the WASM engine: they reuse the
 *   schema of the migrations that an earlier shadow-database replay cached. `migrate dev` replays them in
 *   `devDiagnostic`, but not when migrations were pending ("PostgreSQL shadow DB must be provided through
 *   an external factory"), so replay them first with `diagnoseMigrationHistory`, which takes the shadow
 *   database (a cache hit when devDiagnostic already did it).
 */
export async function callEngineMethod(opts: {
  method: string;
  params: unknown;
  engine: () => Promise<SchemaEngine>;
  url: string | undefined;
  callClient: CallClient;
}): Promise<unknown> {
  const { method } = opts;
  let { params } = opts;
  if (method === "createDatabase") {
    const ds = (params as { datasource?: { tag?: string; url?: string } } | undefined)?.datasource;
    const url = ds?.tag === "ConnectionString" ? ds.url : opts.url;
    if (!url) throw new Error("createDatabase needs a connection string.");
    return { databaseName: await createDatabase(url) };
  }
  const name = Object.hasOwn(WASM_METHODS, method) ? WASM_METHODS[method] : undefined;
  if (!name) throw new Error(`${method} is not supported by Dozen's WASM schema-engine bridge.`);
  const engine = await opts.engine();

  if (method === "evaluateDataLoss" || method === "createMigration") {
    const { migrationsList, filters } = params as Parameters<SchemaEngine["diagnoseMigrationHistory"]>[0];
    await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
  }
  // The WASM engine takes no params here, or a complete one: `{}` would fail to deserialise.
  if (method === "getDatabaseVersion" && !(params as { datasource?: unknown } | undefined)?.datasource) params = undefined;
  // Called as a method: wasm-bindgen methods need `this`.
  const result: unknown = await (engine[name] as (p: unknown) => Promise<unknown>).call(engine, params);
  if (method === "diff") {
    const { stdout, ...rest } = result as { stdout: string | null; exitCode: number };
    if (stdout) await opts.callClient("print", { content: stdout });
    return { ...rest, stdout: null };
  }
  return result;
}
