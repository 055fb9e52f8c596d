import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import type { ServiceScanResult } from "@/lib/pipeline/types";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";

const FLEET = fileURLToPath(new URL("../../examples/fleet", import.meta.url));

/**
 * For a test file: its own database with the demo fleet scanned into it once (as the local source `demo`),
 * dropped after the file. Read `fleet.services` and `fleet.sourceId` inside tests, after the hook ran.
 */
export function useScannedFleet(): { services: ServiceScanResult[]; sourceId: number } {
  const fleet = { services: [] as ServiceScanResult[], sourceId: 0 };
  let database: Awaited<ReturnType<typeof useTestDatabase>> | undefined;
  before(async () => {
    database = await useTestDatabase();
    const scan = await scanIntoDatabase({ root: FLEET, name: "demo" });
    fleet.services = scan.services;
    fleet.sourceId = scan.sourceId;
  });
  after(() => database?.drop());
  return fleet;
}

/** A demo service's team slug, as CODEOWNERS names it (`@acme/team-x` → `team-x`). */
export function ownerOf(service: ServiceScanResult): string | undefined {
  return service.facts.service.owners[0]?.replace(/^@acme\//, "");
}
