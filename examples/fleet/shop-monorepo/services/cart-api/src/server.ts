import express from "express";
import { Redis } from "ioredis";
import { requireCustomer } from "./auth.js";
import { addLine, getCart } from "./carts.js";

const redis = new Redis(process.env.REDIS_URL!); // rate limiting only
const app = express();
app.use(express.json());

app.get("/healthz", (_req, res) => res.json({ ok: true }));

app.use("/v1", requireCustomer, async (_req, res, next) => {
  const key = `ratelimit:${res.locals.customerId}:${Math.floor(Date.now() / 60000)}`;
  const hits = await redis.incr(key);
  await redis.expire(key, 60);
  if (hits > 120) return res.status(429).json({ error: "slow down" });
  next();
});

app.get("/v1/cart", (_req, res) => {
  res.json({ lines: getCart(res.locals.customerId) });
});

app.post("/v1/cart/lines", (req, res) => {
  const lines = addLine(res.locals.customerId, { sku: String(req.body.sku), quantity: Number(req.body.quantity) });
  console.log(JSON.stringify({ msg: "cart updated", customer: res.locals.customerId, lines: lines.length }));
  res.status(201).json({ lines });
});

const port = Number(process.env.PORT ?? 3000);
app.listen(port, () => console.log(JSON.stringify({ msg: "cart-api listening", port })));
