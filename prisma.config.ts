import path from "node:path";
import { defineConfig } from "prisma/config";
import { env } from "./lib/env";

// Prisma CLI configuration (migrate, generate, db). The datasource comes from lib/env.ts like everything
// else (imported relatively: Prisma's config loader does not resolve the `@/` alias); Prisma 7 does not
// read .env files itself.
//
// Offline schema engine: the CLI spawns a native `schema-engine` binary that it downloads from Prisma's
// servers, which this project cannot reach. Unless PRISMA_USE_NATIVE_ENGINE is set, point the CLI at
// Dozen's bridge, which serves the same JSON-RPC with Prisma's WASM schema engine
// (scripts/schema-engine/README.md). The CLI reads the binary's path only from this environment variable,
// and loads this file before it spawns the engine, so setting it here is the one hook there is.
if (!env().PRISMA_USE_NATIVE_ENGINE) {
  process.env.PRISMA_SCHEMA_ENGINE_BINARY = path.join(import.meta.dirname, "scripts/schema-engine/schema-engine.mjs");
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: env().DATABASE_URL },
});
