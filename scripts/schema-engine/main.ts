import { writeSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { callEngineMethod } from "./call-engine-method";
import { createAdapterFactory, type AdapterFactory } from "./create-adapter-factory";
import { engineVersion, loadSchemaEngine, type ErrorRegistry, type SchemaEngine } from "./load-schema-engine";
import { parseEngineArgs } from "./parse-engine-args";
import { runCliCommand } from "./run-cli-command";
import { inFlight, serveJsonRpc } from "./serve-json-rpc";
import { toRpcError } from "./to-rpc-error";

// Entry point of the schema-engine bridge (see README.md). Reads no environment: the CLI passes the
// datasource on the command line.

const args = parseEngineArgs(process.argv.slice(2));

// A panic inside an engine callback surfaces here rather than as a rejected call. Answer the request in
// flight with it (the CLI exits 0 without a word if the engine just dies), log it like the native engine,
// and exit: the engine is unusable after a panic.
process.on("uncaughtException", (err) => {
  const error = toRpcError(err);
  const { is_panic, message, backtrace } = error.data;
  writeSync(2, `${JSON.stringify({ level: "ERROR", fields: { is_panic, message, backtrace }, target: "schema_engine::logger" })}\n`);
  if (inFlight.id !== undefined) writeSync(1, `${JSON.stringify({ jsonrpc: "2.0", id: inFlight.id, error })}\n`);
  process.exit(is_panic ? 101 : 1);
});

if (args.version) {
  // `prisma -v` parses "schema-engine-cli <commit>".
  process.stdout.write(`schema-engine-cli ${await engineVersion()}\n`);
  process.exit(0);
}

if (args.cliCommand !== undefined) {
  process.exit(await runCliCommand({ command: args.cliCommand, url: args.datasource.url }));
}

const datamodels = await Promise.all(
  args.datamodels.map(async (path): Promise<[string, string]> => [path, await readFile(resolve(path), "utf8")]),
);
let factory: AdapterFactory | undefined;
let errorRegistry: ErrorRegistry | undefined;
let started: Promise<SchemaEngine> | undefined;

// Started on the first call, not at launch: the WASM engine connects as it starts.
function engine(): Promise<SchemaEngine> {
  started ??= (async () => {
    const url = args.datasource.url;
    if (!url) throw new Error("The datasource URL is not set (prisma.config.ts datasource.url, from DATABASE_URL).");
    factory = createAdapterFactory({ url, shadowDatabaseUrl: args.datasource.shadowDatabaseUrl });
    const loaded = await loadSchemaEngine({
      datamodels: datamodels.length > 0 ? datamodels : undefined,
      factory,
      onLog: (line) => process.stderr.write(`${line}\n`),
    });
    errorRegistry = loaded.errorRegistry;
    return loaded.engine;
  })();
  return started;
}

await serveJsonRpc({
  handle: (method, params, callClient) => callEngineMethod({ method, params, engine, url: args.datasource.url, callClient }),
  toError: (err) => {
    const error = toRpcError(err, errorRegistry);
    return { error, fatal: error.data.is_panic };
  },
});

// stdin closed: the CLI is done. Close the pools, then exit explicitly: the WASM engine leaves 10 s and
// 60 s timers behind that would otherwise keep the process (and the CLI waiting for it) alive.
await Promise.race([factory?.close(), new Promise((r) => setTimeout(r, 2000).unref())]);
process.exit(0);
