// npm run web – the web process type: serves the dashboard and API from the production build, in this process
// (lib/ops/serve-web.ts: Next.js's server behind the page cache), until SIGTERM.
import { existsSync } from "node:fs";
import path from "node:path";
import { disconnectDatabase } from "@/lib/db";
import { env } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";
import { ROOT } from "@/lib/ops/bin-path";
import { refuseExposedWithoutSignIn } from "@/lib/ops/refuse-exposed-without-sign-in";
import { serveWeb } from "@/lib/ops/serve-web";

const log = createLogger({ process: "web" });
const config = env();
const exposed = refuseExposedWithoutSignIn({ host: config.HOST, signIn: Boolean(config.DOZEN_OIDC_ISSUER) });
if (exposed) {
  log.fatal(exposed);
  process.exit(1);
}
// A checkout's build is .next/ beside the sources; the container image's is the standalone server's web/.
const dir = [ROOT, path.join(ROOT, "web")].find((d) => existsSync(path.join(d, ".next", "BUILD_ID")));
if (!dir) {
  log.fatal("no production build: run `npm run build` first (npm start does it for you)");
  process.exit(1);
}
process.env.NEXT_TELEMETRY_DISABLED = "1";
const web = await serveWeb({
  dir,
  port: config.PORT,
  hostname: config.HOST,
  log,
  cache: { maxBytes: config.DOZEN_PAGE_CACHE_MB * 1024 * 1024, maxAgeMs: config.DOZEN_PAGE_CACHE_SECONDS * 1000 },
});
log.info({ port: web.port, host: config.HOST }, "web ready");
let stopping = false;
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "web stopping");
    const forced = setTimeout(() => {
      log.warn({ timeoutMs: config.DOZEN_SHUTDOWN_TIMEOUT_MS }, "requests still open after the grace period: exiting");
      process.exit(0);
    }, config.DOZEN_SHUTDOWN_TIMEOUT_MS);
    forced.unref();
    void web
      .close()
      .then(() => disconnectDatabase())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        log.error({ err: error }, "web stop failed");
        process.exit(1);
      });
  });
}
