import { after, before } from "node:test";
import type { PgBoss } from "pg-boss";
import { createBoss } from "@/lib/jobs/create-boss";
import { useTestDatabase } from "@/test/support/test-database";

/**
 * A test file's own database and the web process's pg-boss on it (what lib/jobs/get-web-boss.ts hands route
 * handlers and server actions), started before the file's tests and stopped after them.
 */
export function useWebBoss(): { readonly boss: PgBoss; readonly url: string } {
  let database: Awaited<ReturnType<typeof useTestDatabase>>;
  let boss: PgBoss;
  before(async () => {
    database = await useTestDatabase();
    boss = createBoss({ role: "web", url: database.url });
    await boss.start();
    (globalThis as { __dozenBoss?: Promise<PgBoss> }).__dozenBoss = Promise.resolve(boss);
  });
  after(async () => {
    await boss.stop({ graceful: false, close: true });
    await database.drop();
  });
  return {
    get boss() {
      return boss;
    },
    get url() {
      return database.url;
    },
  };
}
