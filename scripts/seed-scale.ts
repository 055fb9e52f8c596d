// npm run seed:scale – fills DATABASE_URL's database (or the embedded one of `npm run db`) with 10,000
// services in 60 teams × 365 days × 15 factors of history; does nothing when it already holds them.
import { disconnectDatabase } from "@/lib/db";
import { createLogger } from "@/lib/log/logger";
import { seedScaleFleet } from "@/bench/seed/seed-scale-fleet";

const log = createLogger({ process: "seed-scale" });
try {
  await seedScaleFleet({ log: (m) => log.info(m) });
  await disconnectDatabase();
  process.exit(0);
} catch (err) {
  log.fatal({ err }, "scale seed failed");
  process.exit(1);
}
