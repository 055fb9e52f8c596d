import type { PgBoss } from "pg-boss";
import { createBoss } from "@/lib/jobs/create-boss";

const holder = globalThis as { __dozenBoss?: Promise<PgBoss> };

/**
 * The web process's pg-boss, started on first use: it only sends jobs (scan now), never works them,
 * so the web process stays stateless and light.
 */
export function getWebBoss(): Promise<PgBoss> {
  holder.__dozenBoss ??= (async () => {
    const boss = createBoss({ role: "web" });
    boss.on("error", () => undefined);
    await boss.start();
    return boss;
  })().catch((error: unknown) => {
    holder.__dozenBoss = undefined;
    throw error;
  });
  return holder.__dozenBoss;
}
