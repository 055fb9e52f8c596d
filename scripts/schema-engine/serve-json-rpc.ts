import { createInterface } from "node:readline";

type Request = { jsonrpc: "2.0"; id?: number | string; method?: string; params?: unknown };
type Response = { jsonrpc: "2.0"; id: number | string; result?: unknown; error?: unknown };

/** The request being handled, so a crash outside it (see main.ts) can still answer it. */
export const inFlight: { id?: number | string } = {};

/** Sends a request to the CLI (the engine's only one is `print`) and waits for its answer. */
export type CallClient = (method: string, params: unknown) => Promise<unknown>;

/**
 * The native engine's transport: one JSON-RPC 2.0 message per line on stdin/stdout. Requests are handled one
 * at a time (the WASM engine is single-threaded and rejects re-entrant calls). Resolves once stdin closes and
 * every answer is written; the caller must then exit, since the WASM engine leaves 10 s and 60 s timers.
 */
export async function serveJsonRpc(opts: {
  handle: (method: string, params: unknown, callClient: CallClient) => Promise<unknown>;
  /** The JSON-RPC error for a failed request; `fatal` ends the process (exit 101, like a native panic). */
  toError: (err: unknown) => { error: unknown; fatal: boolean };
}): Promise<void> {
  const pendingClientCalls = new Map<number, (response: Response) => void>();
  let nextClientId = 1;
  let queue: Promise<void> = Promise.resolve();

  const send = (message: object) => new Promise<void>((resolve) => process.stdout.write(`${JSON.stringify(message)}\n`, () => resolve()));

  const callClient: CallClient = (method, params) => {
    const id = nextClientId++;
    const answered = new Promise<Response>((resolve) => pendingClientCalls.set(id, resolve));
    return send({ jsonrpc: "2.0", id, method, params })
      .then(() => answered)
      .then((r) => r.result);
  };

  const handleLine = async (line: string) => {
    let message: Request & Partial<Response>;
    try {
      message = JSON.parse(line) as Request & Partial<Response>;
    } catch {
      await send({ jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error" } });
      return;
    }
    if (message.method === undefined) {
      // The CLI's answer to one of our calls; it does not go through the queue, or a call waiting for it
      // inside a queued request would deadlock.
      pendingClientCalls.get(Number(message.id))?.(message as Response);
      pendingClientCalls.delete(Number(message.id));
      return;
    }
    const { id, method, params } = message;
    queue = queue.then(async () => {
      inFlight.id = id;
      try {
        const result = await opts.handle(method, params, callClient);
        if (id !== undefined) await send({ jsonrpc: "2.0", id, result: result ?? null });
      } catch (err) {
        const { error, fatal } = opts.toError(err);
        if (id !== undefined) await send({ jsonrpc: "2.0", id, error });
        if (fatal) process.exit(101);
      } finally {
        inFlight.id = undefined;
      }
    });
  };

  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  const handled: Promise<void>[] = [];
  for await (const line of lines) {
    if (line.trim() !== "") handled.push(handleLine(line));
  }
  await Promise.all(handled);
  await queue;
}
