import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

/** The demo fleet (examples/fleet): a folder of checkouts, one repository per top-level folder. */
export const FLEET_ROOT = fileURLToPath(new URL("../../examples/fleet", import.meta.url));

/** What a scan of the demo fleet must find (examples/fleet/expected-findings.json), by service path. */
export interface FleetExpectations {
  services: Record<string, { name: string; kind: string; grade: string; deployedBy: string[]; fails: Record<string, string> }>;
}

export const FLEET_EXPECTED = JSON.parse(readFileSync(`${FLEET_ROOT}/expected-findings.json`, "utf8")) as FleetExpectations;

/** How many services the demo fleet holds: what the overview, heatmap and rollups count after scanning it. */
export const FLEET_SERVICE_COUNT = Object.keys(FLEET_EXPECTED.services).length;
