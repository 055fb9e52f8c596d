import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Registry } from "prom-client";

/**
 * A worker's Prometheus endpoint: `GET /metrics` answers the registry's text exposition, anything else 404.
 * Workers take no HTTP traffic otherwise, so this tiny server is all they listen on. Port 0 picks a free one.
 */
export async function serveMetrics(opts: {
  registry: Registry;
  port: number;
  host?: string;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found: GET /metrics\n");
      return;
    }
    opts.registry.metrics().then(
      (text) => res.writeHead(200, { "content-type": opts.registry.contentType }).end(text),
      // Answered in fixed words: a collector's exception is no business of whoever scrapes this port.
      () => res.writeHead(500, { "content-type": "text/plain" }).end("metrics could not be collected\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.host ?? "0.0.0.0", () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
