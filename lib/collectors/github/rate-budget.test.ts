import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { budgetWaitMs, newRateBudget, recordRateHeaders } from "@/lib/collectors/github/rate-budget";

describe("rate budget", () => {
  const now = 1_000_000_000_000;
  it("lets requests through while budget remains or nothing is known", () => {
    assert.equal(budgetWaitMs({ budget: newRateBudget({ maxInFlight: 4 }), now }), 0);
    const budget = newRateBudget({ maxInFlight: 4, seed: { remaining: 2, resetAt: new Date(now + 60_000).toISOString() } });
    assert.equal(budgetWaitMs({ budget, now }), 0);
  });
  it("waits for the reset when the remaining budget is spent by requests already in flight", () => {
    const budget = newRateBudget({ maxInFlight: 4, seed: { remaining: 1, resetAt: new Date(now + 60_000).toISOString() } });
    budget.reserved = 1;
    assert.equal(budgetWaitMs({ budget, now }), 61_000);
    assert.equal(budgetWaitMs({ budget, now: now + 60_000 }), 0);
  });
  it("reads GitHub's headers and ignores answers without them", () => {
    const budget = newRateBudget({ maxInFlight: 4 });
    recordRateHeaders({
      budget,
      headers: new Headers({ "x-ratelimit-remaining": "0", "x-ratelimit-reset": String(now / 1000 + 5), "x-ratelimit-limit": "5000" }),
    });
    assert.deepEqual([budget.remaining, budget.resetAt, budget.limit], [0, now + 5000, 5000]);
    recordRateHeaders({ budget, headers: new Headers({ "content-type": "application/x-gzip" }) });
    assert.equal(budget.remaining, 0);
    assert.equal(budgetWaitMs({ budget, now }), 6000);
  });
});
