import assert from "node:assert/strict";
import { test } from "node:test";
import { main } from "@/lib/cli/main";
import { renderGuide } from "@/lib/guides/render-guide";
import { CLUSTER_CHECKS, findRule, getGuide } from "@/lib/rules/registry";

test("every cluster check has a guide: why it matters, before/after YAML, effort", () => {
  for (const check of CLUSTER_CHECKS) {
    const guide = getGuide(check.id) ?? "";
    assert.equal(findRule(check.id)?.title, check.title, `${check.id} is found by id like a repository rule`);
    assert.match(guide, /^## Why it matters$/m, `${check.id}: why it matters`);
    assert.match(guide, /^## Before \/ after\n```yaml\n# before[\s\S]*?```\n```yaml\n# after/m, `${check.id}: before/after YAML`);
    assert.match(guide, /^## Effort\n(Low|Medium|High):/m, `${check.id}: effort`);
    assert.ok(guide.toLowerCase().includes(check.effort), `${check.id}: the guide's effort agrees with the check's (${check.effort})`);
  }
});

test("a cluster finding's guide names the workload, cluster and field it is about, even for a check written for files", () => {
  const guide = renderGuide({
    ruleId: "deploysImmutableImageTags",
    evidence: [
      {
        type: "cluster",
        cluster: "prod-eu",
        namespace: "shop",
        kind: "Deployment",
        name: "legacy-billing",
        jsonPath: "spec.template.spec.containers[0].image",
      },
    ],
  });
  assert.match(
    guide ?? "",
    /\*\*Where:\*\* Deployment `shop\/legacy-billing` in cluster `prod-eu`, field `spec\.template\.spec\.containers\[0\]\.image`/,
  );
  assert.doesNotMatch(guide ?? "", /\{\{\s*\w+\s*\}\}/, "no placeholder is left unfilled");
});

test("`dozen explain` explains a check that judges clusters with its guide", async () => {
  const out: string[] = [];
  const code = await main({
    argv: ["explain", "scalesByReplicas"],
    output: { out: (t) => void out.push(t), err: (t) => void out.push(t) },
  });
  assert.equal(code, 0);
  const text = out.join("\n");
  assert.match(text, /^scalesByReplicas \(v4\): Workloads scale out with several replicas or an autoscaler$/m);
  assert.match(text, /Factor VIII Concurrency · weight 5 · effort low/);
  assert.match(text, /kind: HorizontalPodAutoscaler/);
});

test("`dozen rules` lists the cluster checks after the repository rules", async () => {
  const out: string[] = [];
  const code = await main({ argv: ["rules", "--json"], output: { out: (t) => void out.push(t), err: (t) => void out.push(t) } });
  assert.equal(code, 0);
  const { rules } = JSON.parse(out.join("\n")) as { rules: { id: string; cluster: boolean }[] };
  assert.deepEqual(
    rules.filter((r) => r.cluster).map((r) => r.id),
    CLUSTER_CHECKS.map((c) => c.id),
  );
  assert.equal(rules.find((r) => r.id === "readsPortFromEnv")?.cluster, false);
});
