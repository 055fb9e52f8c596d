import { createLogger } from "@/lib/log/logger";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

/**
 * updateDailyRollups for a write that has already happened (a scan closed, services marked gone): `plan`
 * says what to refresh (null: nothing), and a failure of either is logged with `context`, never thrown,
 * since the write stands and the next scan heals the rollups.
 */
export async function updateRollupsSafely(opts: {
  plan: () => Promise<Parameters<typeof updateDailyRollups>[0] | null>;
  context: Record<string, unknown>;
}): Promise<void> {
  try {
    const rollups = await opts.plan();
    if (rollups) await updateDailyRollups(rollups);
  } catch (err) {
    createLogger({ process: "rollups" }).error({ err, ...opts.context }, "daily rollups not updated");
  }
}
