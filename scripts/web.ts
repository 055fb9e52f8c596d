// npm run web – the web process type: serves the dashboard and API from the production build.
import { env, childEnv } from "@/lib/env";
import { createLogger } from "@/lib/log/logger";
import { runChild } from "@/lib/ops/run-child";
import { nodeBin, ROOT } from "@/lib/ops/bin-path";
import { nextBuildExists } from "@/lib/ops/next-build-exists";
import { refuseExposedWithoutSignIn } from "@/lib/ops/refuse-exposed-without-sign-in";

const log = createLogger({ process: "web" });
const config = env();
const exposed = refuseExposedWithoutSignIn({ host: config.HOST, signIn: Boolean(config.DOZEN_OIDC_ISSUER) });
if (exposed) {
  log.fatal(exposed);
  process.exit(1);
}
if (!nextBuildExists()) {
  log.fatal("no production build: run `npm run build` first (npm start does it for you)");
  process.exit(1);
}
const web = runChild({
  name: "next",
  command: process.execPath,
  args: [nodeBin("next/dist/bin/next"), "start", "--port", String(config.PORT), "--hostname", config.HOST],
  env: childEnv({ NEXT_TELEMETRY_DISABLED: "1" }),
  cwd: ROOT,
  log,
});
for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.on(signal, () => {
    log.info({ signal }, "web stopping");
    web.stop("SIGTERM");
  });
}
process.exit(await web.exited);
