import http from "node:http";

// Tiny HTTP server so Kubernetes can probe the worker.
export function startHealthServer(isHealthy: () => boolean): http.Server {
  const port = Number(process.env.HEALTH_PORT ?? 8081);
  return http
    .createServer((req, res) => {
      const ok = req.url === "/healthz" && isHealthy();
      res.writeHead(ok ? 200 : 503).end(ok ? "ok" : "unhealthy");
    })
    .listen(port);
}
