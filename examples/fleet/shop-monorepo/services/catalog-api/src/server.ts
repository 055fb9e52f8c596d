import express, { type NextFunction, type Request, type Response } from "express";
import { createRemoteJWKSet, jwtVerify } from "jose";
import pg from "pg";
import pino from "pino";
import { pinoHttp } from "pino-http";
import { config } from "./config.js";

const log = pino({ level: config.logLevel }); // JSON to stdout
const pool = new pg.Pool({ connectionString: config.databaseUrl });
const jwks = createRemoteJWKSet(new URL(config.jwksUrl));
const app = express();
app.use(express.json());
app.use(pinoHttp({ logger: log }));

async function requireStaff(req: Request, res: Response, next: NextFunction) {
  try {
    const token = (req.headers.authorization ?? "").replace(/^Bearer /, "");
    const { payload } = await jwtVerify(token, jwks, { audience: "catalog-api" });
    if (!String(payload.scope ?? "").split(" ").includes("catalog:write")) return res.sendStatus(403);
    next();
  } catch {
    res.sendStatus(401);
  }
}

app.get("/healthz", (_req, res) => res.json({ ok: true }));
app.get("/readyz", async (_req, res) => {
  try {
    await pool.query("SELECT 1");
    res.json({ ok: true });
  } catch {
    res.sendStatus(503);
  }
});

// The product catalogue is public by design; writes need a staff token.
app.get("/v1/products", async (_req, res) => {
  const { rows } = await pool.query("SELECT sku, name, price_cents FROM products WHERE active ORDER BY name LIMIT 200");
  res.json(rows);
});
app.put("/v1/products/:sku", requireStaff, async (req, res) => {
  await pool.query("UPDATE products SET name = $1, price_cents = $2 WHERE sku = $3", [
    req.body.name,
    req.body.priceCents,
    req.params.sku,
  ]);
  res.sendStatus(204);
});

const server = app.listen(config.port, () => log.info({ port: config.port }, "catalog-api listening"));

process.on("SIGTERM", () => {
  log.info("SIGTERM: draining");
  server.close(() => pool.end().then(() => process.exit(0)));
});
