import { z } from "zod";

// Every setting comes from the environment; the process refuses to start on a missing or invalid value.
const Schema = z.object({
  PORT: z.coerce.number().int().nonnegative().default(3000),
  DATABASE_URL: z.string().url(),
  OIDC_ISSUER_URL: z.string().url(),
  OIDC_AUDIENCE: z.string().default("identity-service"),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Config = z.infer<typeof Schema>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return Schema.parse(env);
}
