import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { projectProgress } from "@/lib/initiatives/project-progress";

describe("projectProgress", () => {
  it("is done when every service meets the goal, even after the deadline", () => {
    const r = projectProgress({ history: [{ day: "2026-12-01", services: 4, met: 4 }], deadline: "2026-11-01", today: "2026-12-01" });
    assert.deepEqual(r, { state: "done", projectedMet: 4, left: 0 });
  });

  it("is late past the deadline with services left", () => {
    const r = projectProgress({ history: [{ day: "2026-12-01", services: 10, met: 7 }], deadline: "2026-11-30", today: "2026-12-01" });
    assert.deepEqual(r, { state: "late", projectedMet: 7, left: 3 });
  });

  it("is on track when the pace since the first day reaches every service by the deadline", () => {
    // 2 services a day over 5 days; 10 left, 5 days to go → exactly in time.
    const history = [
      { day: "2026-12-01", services: 20, met: 0 },
      { day: "2026-12-06", services: 20, met: 10 },
    ];
    assert.equal(projectProgress({ history, deadline: "2026-12-11", today: "2026-12-06" }).state, "onTrack");
    assert.deepEqual(projectProgress({ history, deadline: "2026-12-09", today: "2026-12-06" }), {
      state: "atRisk",
      projectedMet: 16,
      left: 10,
    });
  });

  it("is at risk when nothing was fixed over several days", () => {
    const history = [
      { day: "2026-12-01", services: 5, met: 3 },
      { day: "2026-12-04", services: 5, met: 2 },
    ];
    assert.equal(projectProgress({ history, deadline: "2027-06-01", today: "2026-12-04" }).state, "atRisk");
  });

  it("does not judge the pace from a single day", () => {
    const r = projectProgress({ history: [{ day: "2026-12-01", services: 5, met: 0 }], deadline: "2026-12-31", today: "2026-12-01" });
    assert.equal(r.state, "onTrack");
  });
});
