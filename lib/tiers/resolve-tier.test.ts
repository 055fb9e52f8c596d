import assert from "node:assert/strict";
import { it } from "node:test";
import { readTier } from "@/lib/tiers/read-tier";
import { resolveTier, tierLabelProblems } from "@/lib/tiers/resolve-tier";

it("[TIER] reads 1–4 as numbers or digits, and names anything else as a problem", () => {
  assert.deepEqual(readTier(1), { tier: 1 });
  assert.deepEqual(readTier("4"), { tier: 4 });
  assert.equal(readTier(undefined), null);
  assert.equal(readTier(null), null);
  assert.deepEqual(readTier(0), { problem: "tier 0 is not 1, 2, 3 or 4; ignored" });
  assert.deepEqual(readTier(5), { problem: "tier 5 is not 1, 2, 3 or 4; ignored" });
  assert.deepEqual(readTier(1.5), { problem: "tier 1.5 is not 1, 2, 3 or 4; ignored" });
  assert.deepEqual(readTier("gold"), { problem: 'tier "gold" is not 1, 2, 3 or 4; ignored' });
  assert.deepEqual(readTier([1]), { problem: "tier a list is not 1, 2, 3 or 4; ignored" });
});

it("[TIER] the service's own declaration wins over its workloads' labels; a bad label is skipped", () => {
  const labels = [["app=pay", "dozen.dev/tier=gold"], ["dozen.dev/tier=3"], ["dozen.dev/tier=2"]];
  assert.equal(resolveTier({ declared: { tier: 1 }, workloadLabels: labels }), 1);
  assert.equal(resolveTier({ declared: undefined, workloadLabels: labels }), 3, "the first valid label");
  assert.equal(resolveTier({ declared: { tier: 9 }, workloadLabels: [] }), null, "a stored tier out of range is none");
  assert.equal(resolveTier({ declared: undefined, workloadLabels: [["team=pay"]] }), null, "unset is no tier");
});

it("[TIER] a workload's label that is not 1–4 is reported naming the workload", () => {
  assert.deepEqual(
    tierLabelProblems([
      { namespace: "shop", kind: "Deployment", name: "pay", labels: { "dozen.dev/tier": "0" } },
      { namespace: "shop", kind: "Deployment", name: "web", labels: { "dozen.dev/tier": "2" } },
    ]),
    ['shop/Deployment/pay label dozen.dev/tier: tier "0" is not 1, 2, 3 or 4; ignored'],
  );
});
