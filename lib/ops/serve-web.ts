import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createRequire } from "node:module";
import path from "node:path";
import { format } from "node:util";
import type { Logger } from "pino";
import { readDataVersion } from "@/lib/db/read-data-version";
import { createPageCache, type PageCache } from "@/lib/http/page-cache";
import { instruments } from "@/lib/telemetry/instruments";

type NextApp = {
  prepare(): Promise<void>;
  getRequestHandler(): (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  close(): Promise<void>;
};

export interface WebServer {
  port: number;
  cache: PageCache;
  /** Stops taking connections, lets the requests in flight finish, then closes Next.js. */
  close(): Promise<void>;
}

/**
 * The web process: Next.js's production server for the build in `dir`, in this process (Next's own custom-server
 * API, as `next start` and the standalone server run it), behind the page cache (lib/http/page-cache.ts).
 * The build's own configuration is used (`.next/required-server-files.json`, as the standalone server does),
 * and `next` is loaded from beside the build, so the server and the build's code share one copy of Next.
 * Whatever Next.js or React print (warnings, a render's error) becomes a JSON log line like everything else.
 */
export async function serveWeb(opts: {
  dir: string;
  port: number;
  hostname: string;
  log: Logger;
  cache: { maxBytes: number; maxAgeMs: number };
}): Promise<WebServer> {
  const { dir, log } = opts;
  routeConsoleTo(log);
  const serverFiles = JSON.parse(readFileSync(path.join(dir, ".next", "required-server-files.json"), "utf8")) as { config: unknown };
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG ??= JSON.stringify(serverFiles.config);
  const next = createRequire(path.join(dir, existsSync(path.join(dir, "server.js")) ? "server.js" : "package.json"))("next") as (
    options: Record<string, unknown>,
  ) => NextApp;
  const app = next({ dev: false, dir, hostname: opts.hostname, port: opts.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const routeOf = routeTemplates(dir);
  const metrics = instruments();
  const cache: PageCache = createPageCache({
    ...opts.cache,
    dataVersion: readDataVersion,
    // Answers rendered by Next.js are timed from its own spans (instrumentation.ts); those from the cache here.
    observe: ({ result, req, seconds }) => {
      metrics.pageCacheAnswers.inc({ result });
      metrics.pageCacheBytes.set(cache.stats().bytes);
      if (result === "hit") metrics.httpRequestDuration.observe({ method: "GET", route: routeOf(req.url ?? "/"), status: "200" }, seconds);
    },
  });

  const server = createServer((req, res) => {
    cache
      .handle(req, res, () => handle(req, res))
      .catch((error: unknown) => {
        log.error({ err: error, url: req.url }, "request failed");
        if (!res.headersSent) {
          res.statusCode = 500;
          res.end("Internal Server Error");
        } else res.destroy();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port, opts.hostname, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    port,
    cache,
    close: async () => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      await closed;
      await app.close();
    },
  };
}

/** The build's route template of a URL (`/services/[slug]`), as Next's spans name it; `other` for none. */
function routeTemplates(dir: string): (url: string) => string {
  const manifest = JSON.parse(readFileSync(path.join(dir, ".next", "routes-manifest.json"), "utf8")) as {
    staticRoutes: { page: string; regex: string }[];
    dynamicRoutes: { page: string; regex: string }[];
  };
  const routes = [...manifest.staticRoutes, ...manifest.dynamicRoutes].map((r) => ({ page: r.page, regex: new RegExp(r.regex) }));
  return (url) => {
    const pathname = url.split("?")[0] ?? "/";
    return routes.find((r) => r.regex.test(pathname))?.page ?? "other";
  };
}

/** console.* as JSON log lines (Next.js and React report through the console). */
function routeConsoleTo(log: Logger): void {
  const child = log.child({ source: "next" });
  console.log = (...args: unknown[]) => child.info(format(...args));
  console.info = console.log;
  console.warn = (...args: unknown[]) => child.warn(format(...args));
  console.error = (...args: unknown[]) => {
    const error = args.find((a) => a instanceof Error);
    child.error(error ? { err: error } : {}, format(...args.filter((a) => a !== error)) || String(error));
  };
}
