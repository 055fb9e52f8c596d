import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { main } from "@/lib/cli/main";

type Handler = (request: Request, context: { params: Promise<unknown> }) => Promise<Response>;

/**
 * Real v1 route handlers behind a plain HTTP server on 127.0.0.1, so the CLI talks HTTP to what `next start`
 * would run: each route a method, a path pattern (its named groups are the path parameters) and a handler.
 */
export async function serveApiRoutes(routes: readonly (readonly [method: string, path: RegExp, handler: Handler])[]) {
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const target = new URL(req.url ?? "/", "http://dozen.test");
    const found = routes
      .map(([method, re, handler]) => ({ match: method === req.method ? re.exec(target.pathname) : null, handler }))
      .find((r) => r.match);
    const request = new Request(target, {
      method: req.method,
      headers: { "content-type": String(req.headers["content-type"] ?? "text/plain") },
      ...(chunks.length ? { body: Buffer.concat(chunks) } : {}),
    });
    const response = found
      ? await found.handler(request, { params: Promise.resolve({ ...found.match?.groups }) })
      : new Response("not found", { status: 404 });
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Runs the `dozen` CLI in this process with `argv`, its output collected. */
export async function runDozen(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main({ argv, output: { out: (t) => void out.push(t), err: (t) => void err.push(t) } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}
