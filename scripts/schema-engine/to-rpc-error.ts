import type { ErrorRegistry } from "./load-schema-engine";
import { panics } from "./load-schema-engine";

/** The `error` member of a JSON-RPC response, shaped like the native engine's (prisma-engines json-rpc). */
export type RpcError = {
  code: number;
  message: string;
  data: { is_panic: boolean; message: string; error_code?: string; meta?: unknown; backtrace?: string };
};

/**
 * Renders what the WASM engine threw the way the native engine renders errors, which the CLI turns into its
 * messages: `data.error_code` for known Prisma errors (P1001, P3005, …), `is_panic` for crashes.
 */
export function toRpcError(err: unknown, errorRegistry?: ErrorRegistry): RpcError {
  const e = (err ?? {}) as { name?: string; message?: string; code?: unknown; meta?: unknown; stack?: string };
  const wrap = (data: RpcError["data"]): RpcError => ({
    code: 4466,
    // The CLI shows this top-level message for panics, and data.message otherwise.
    message: data.is_panic ? data.message : "An error happened. Check the data field for details.",
    data,
  });
  if (err instanceof WebAssembly.RuntimeError) {
    return wrap({ is_panic: true, message: panics.message ?? e.message ?? "WASM schema engine panicked", backtrace: e.stack });
  }
  let message = e.message ?? String(err);
  // A JavaScript error raised inside the adapter reaches the engine as an id in driver-adapter-utils'
  // registry ("External error id#0"); put the original message back.
  const generic = /External error id#(\d+)/.exec(message);
  const original = generic && errorRegistry?.consumeError(Number(generic[1]))?.error;
  if (original) message = message.replace(generic[0], `${generic[0]}: ${(original as Error).message ?? String(original)}`);
  if (typeof e.code === "string" && /^P\d{4}$/.test(e.code)) {
    return wrap({ is_panic: false, message, error_code: e.code, meta: e.meta });
  }
  return wrap({ is_panic: false, message });
}
