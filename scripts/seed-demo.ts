// Admin step of `npm start`: on an empty database, register the demo fleet and queue its first scan.
import { createLogger } from "@/lib/log/logger";
import { registerDemoFleet } from "@/lib/ops/register-demo-fleet";
import { disconnectDatabase } from "@/lib/db";

const log = createLogger({ process: "seed" });
try {
  const result = await registerDemoFleet({ log });
  log.info(result, result.registered ? "demo fleet registered and scan queued" : "demo fleet not needed");
  await disconnectDatabase();
  process.exit(0);
} catch (err) {
  log.fatal({ err }, "demo fleet registration failed");
  process.exit(1);
}
