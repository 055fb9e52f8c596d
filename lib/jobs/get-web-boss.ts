import type { PgBoss } from "pg-boss";
import { createBoss } from "@/lib/jobs/create-boss";
import { createLogger } from "@/lib/log/logger";

const log = createLogger({ process: "web" });

const holder = globalThis as { __dozenBoss?: Promise<PgBoss> };

/**
 * The web process's pg-boss, started on first use: it only sends jobs (scan now), never works them,
 * so the web process stays stateless and light.
 */
export function getWebBoss(): Promise<PgBoss> {
  holder.__dozenBoss ??= (async () => {
    const boss = createBoss({ role: "web" });
    // A database outage reaches pg-boss too: said in the log, never thrown at the process.
    boss.on("error", (err) => log.warn({ reason: err.message.split("\n")[0]?.slice(0, 300) }, "pg-boss error"));
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    holder.__dozenBoss = undefined;
    throw error;
  });
  return holder.__dozenBoss;
}
