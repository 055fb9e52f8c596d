import { createLogger } from "@/lib/log/logger";
import { updateDailyRollups } from "@/lib/rollups/update-daily-rollups";

/**
 * updateDailyRollups for a write that has already happened (a scan closed, services marked gone): a
 * failure is logged with `context`, never thrown, since the write stands and the next scan heals the rollups.
 */
export async function updateRollupsSafely(opts: Parameters<typeof updateDailyRollups>[0] & { context: Record<string, unknown> }): Promise<void> {
  const { context, ...rollups } = opts;
  try {
    await updateDailyRollups(rollups);
  } catch (err) {
    createLogger({ process: "rollups" }).error({ err, ...context }, "daily rollups not updated");
  }
}
