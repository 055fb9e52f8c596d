import { it } from "node:test";
import assert from "node:assert/strict";
import { describeScanProgress } from "@/lib/scans/describe-scan-progress";

it("says a scan's progress with its known total, and what it does before it knows one", () => {
  const cases: [Parameters<typeof describeScanProgress>[0], string][] = [
    [{ status: "running", targetsTotal: 49, targetsDone: 37, targetsFailed: 0 }, "37 of 49 targets"],
    [{ status: "partial", targetsTotal: 1200, targetsDone: 1200, targetsFailed: 3 }, "1,200 of 1,200 targets, 3 failed"],
    [{ status: "running", targetsTotal: 1, targetsDone: 0, targetsFailed: 0 }, "0 of 1 target"],
    [{ status: "queued", targetsTotal: 0, targetsDone: 0, targetsFailed: 0 }, "waiting for a worker"],
    [{ status: "running", targetsTotal: 0, targetsDone: 0, targetsFailed: 0 }, "listing targets"],
    [{ status: "running", targetsTotal: 0, targetsDone: 4, targetsFailed: 1 }, "4 targets so far, 1 failed"],
    [{ status: "failed", targetsTotal: 0, targetsDone: 0, targetsFailed: 0 }, "no targets"],
  ];
  for (const [scan, expected] of cases) assert.equal(describeScanProgress(scan), expected, JSON.stringify(scan));
});
