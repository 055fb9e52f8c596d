import Fastify from "fastify";
import pg from "pg";
import client from "prom-client";
import { loadConfig } from "./config.js";
import { requireUser } from "./auth.js";

const config = loadConfig();
// Fastify's logger is pino writing JSON lines to stdout.
const app = Fastify({ logger: { level: config.LOG_LEVEL } });
const pool = new pg.Pool({ connectionString: config.DATABASE_URL, max: 10 });

client.collectDefaultMetrics();
const requests = new client.Counter({ name: "http_requests_total", help: "Requests", labelNames: ["route", "code"] });
app.addHook("onResponse", async (req, reply) => {
  requests.inc({ route: req.routeOptions.url ?? "unknown", code: reply.statusCode });
});

app.get("/healthz", async () => ({ ok: true }));
app.get("/readyz", async (_req, reply) => {
  await pool.query("SELECT 1").catch(() => reply.code(503));
  return { ok: reply.statusCode === 200 };
});
app.get("/metrics", async (_req, reply) => reply.type(client.register.contentType).send(await client.register.metrics()));

app.register(async (v1) => {
  v1.addHook("onRequest", requireUser(config));
  v1.get("/v1/me", async (req) => {
    const { rows } = await pool.query("SELECT id, email, display_name FROM users WHERE id = $1", [req.user!.id]);
    return rows[0] ?? {};
  });
  v1.patch<{ Body: { displayName: string } }>("/v1/me", async (req) => {
    await pool.query("UPDATE users SET display_name = $1 WHERE id = $2", [req.body.displayName, req.user!.id]);
    return { ok: true };
  });
});

// Graceful shutdown: stop accepting connections, finish in-flight requests, close the pool.
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, async () => {
    app.log.info({ signal }, "shutting down");
    await app.close();
    await pool.end();
    process.exit(0);
  });
}

await app.listen({ host: "0.0.0.0", port: config.PORT });
