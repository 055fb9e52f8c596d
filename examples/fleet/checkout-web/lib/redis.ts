import Redis from "ioredis";

// Shared Redis client for carts and idempotency keys.
export const redis = new Redis(process.env.REDIS_URL ?? "redis://10.0.0.12:6379", {
  maxRetriesPerRequest: 2,
  lazyConnect: true,
});
