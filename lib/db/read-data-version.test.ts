import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { db } from "@/lib/db";
import { readDataVersion } from "@/lib/db/read-data-version";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

// The page cache trusts a rendered page while this stays put: every committed write must move it.
test("every committed write moves the data version forward, whichever table it touches", async () => {
  const lsn = (v: string) => {
    const [high, low] = v.split("/").map((h) => BigInt(`0x${h}`));
    return (high! << 32n) + low!;
  };
  let before = await readDataVersion();
  assert.match(before, /^[0-9A-F]+\/[0-9A-F]+$/);
  for (const write of [
    () => db().team.create({ data: { name: "Payments", slug: "payments" } }),
    () => db().team.update({ where: { slug: "payments" }, data: { name: "Payments & Billing" } }),
    () => db().team.delete({ where: { slug: "payments" } }),
  ]) {
    await write();
    const after = await readDataVersion();
    assert.ok(lsn(after) > lsn(before), `${after} after ${before}`);
    before = after;
  }
});
