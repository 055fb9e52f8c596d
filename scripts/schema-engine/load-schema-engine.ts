import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import * as runtime from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { AdapterFactory } from "./create-adapter-factory";

export type SchemaEngine = runtime.SchemaEngine;
export type ErrorRegistry = { consumeError(id: number): { error: unknown } | undefined };

/** The last panic message the WASM engine reported; the engine is unusable after a panic. */
export const panics: { message?: string } = {};

let instantiated = false;

/**
 * The glue is generated for bundlers (`import * as wasm from "./schema_engine_bg.wasm"`), which Node 20 runs
 * only with --experimental-wasm-modules; instantiate the module by hand instead, as Prisma's own loader does.
 */
async function instantiate(): Promise<void> {
  if (instantiated) return;
  const wasmUrl = new URL("./schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const compiled = new WebAssembly.Module(await readFile(wasmUrl));
  const instance = new WebAssembly.Instance(compiled, { "./schema_engine_bg.js": runtime as unknown as WebAssembly.ModuleImports });
  // The engine's panic hook reports the panic message here before trapping with "unreachable".
  (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
    set_message: (message: string) => (panics.message = message),
  };
  runtime.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  instantiated = true;
}

/** Version (git commit of prisma-engines) of the WASM schema engine. */
export async function engineVersion(): Promise<string> {
  await instantiate();
  return runtime.version();
}

/**
 * Starts the WASM schema engine on the adapter factory. It connects at once (unlike the native engine,
 * which connects on the first command that needs the database). `onLog` receives the engine's tracing
 * events as JSON lines, the same shape the native engine writes to stderr.
 */
export async function loadSchemaEngine(opts: {
  datamodels: [path: string, content: string][] | undefined;
  factory: AdapterFactory;
  onLog: (line: string) => void;
}): Promise<{ engine: SchemaEngine; errorRegistry: ErrorRegistry }> {
  await instantiate();
  const bound = bindFactory(opts.factory);
  const engine = await runtime.SchemaEngine.new({ datamodels: opts.datamodels }, opts.onLog, bound);
  return { engine, errorRegistry: bound.errorRegistry };
}

// The engine calls the adapter through driver-adapter-utils' Result-returning wrapper. That package is
// adapter-pg's dependency rather than ours, so take the very copy adapter-pg uses.
type Utils = typeof import("@prisma/driver-adapter-utils");
const utils = createRequire(import.meta.resolve("@prisma/adapter-pg"))("@prisma/driver-adapter-utils") as Utils;

function bindFactory(factory: AdapterFactory): object & { errorRegistry: ErrorRegistry } {
  return utils.bindMigrationAwareSqlAdapterFactory(factory) as unknown as object & { errorRegistry: ErrorRegistry };
}
