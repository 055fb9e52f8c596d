import assert from "node:assert/strict";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, before, it } from "node:test";
import { db } from "@/lib/db";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { scanIntoDatabase } from "@/test/support/scan-into-database";
import { useTestDatabase } from "@/test/support/test-database";
import { writeTestTree } from "@/test/support/write-test-tree";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(() => database.drop());

const inDays = (n: number) => new Date(Date.now() + n * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
const DEPLOYMENT = (annotation: string) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: shop-api
  namespace: shop
  annotations:
    ${annotation}
spec:
  replicas: 1
  selector: { matchLabels: { app: shop-api } }
  template:
    metadata: { labels: { app: shop-api } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/shop-api:1.0.0
`;

async function state(slug: string) {
  const s = await db().service.findUniqueOrThrow({ where: { slug }, select: { latestScore: true, latestChecks: true } });
  const exemptions = await db().exemption.findMany({
    where: { service: { slug } },
    select: { ruleId: true, origin: true, status: true, codeKey: true, location: true, reason: true },
    orderBy: { codeKey: "asc" },
  });
  return { score: s.latestScore, checks: s.latestChecks as Record<string, string>, exemptions };
}

it("dozen.yaml entries and workload annotations become code exemptions at each scan: they appear, change and go with the code", async () => {
  const root = await writeTestTree({
    files: {
      Dockerfile: 'FROM node:20\nCOPY . .\nCMD ["node", "server.js"]\n',
      "package.json": JSON.stringify({ name: "shop-api", dependencies: { express: "4.19.2" } }),
      "server.js": 'const app = require("express")();\napp.listen(8080);\n',
      "k8s/deployment.yaml": DEPLOYMENT('dozen.dev/owner: "team-shop"'),
    },
  });
  const first = await scanIntoDatabase({ root, name: "shop" });
  const slug = (await db().service.findFirstOrThrow({ select: { slug: true } })).slug;
  const before = await state(slug);
  const failing = Object.entries(before.checks)
    .filter(([, o]) => o === "fail")
    .map(([id]) => id);
  assert.ok(failing.length >= 2, `two failing checks to exempt: ${failing.join(", ")}`);
  const [viaYaml, viaAnnotation] = failing as [string, string];
  assert.equal(first.status, "succeeded");

  await writeFile(
    join(root, "dozen.yaml"),
    `exemptions:\n  - check: ${viaYaml}\n    kind: not-applicable\n    reason: Not for a demo\n  - check: ${viaYaml}x\n    reason: misspelt and no expiry\n`,
  );
  await writeFile(
    join(root, "k8s/deployment.yaml"),
    DEPLOYMENT(`dozen.dev/exempt.${viaAnnotation}: "Vendor fix due; expires=${inDays(30)}"`),
  );
  assert.equal((await scanIntoDatabase({ root, name: "shop" })).status, "succeeded", "a malformed entry never fails the scan");
  const exempted = await state(slug);
  assert.deepEqual(
    exempted.exemptions.map((e) => [e.ruleId, e.origin, e.status, e.codeKey?.split(":")[0], e.reason]),
    [
      [viaAnnotation, "code", "active", "manifest", "Vendor fix due"],
      [viaYaml, "code", "active", "yaml", "Not for a demo"],
    ],
  );
  assert.equal(exempted.checks[viaYaml], "exempt");
  assert.equal(exempted.checks[viaAnnotation], "exempt");
  assert.ok((exempted.score ?? 0) > (before.score ?? 0));
  const detail = (await getServiceDetail({ slug }))!;
  assert.deepEqual(detail.exemptionProblems, [`dozen.yaml exemptions[1]: an accepted risk needs an expiry (YYYY-MM-DD)`]);
  assert.equal(detail.findings.find((f) => f.ruleId === viaYaml)?.exemption?.origin, "code");

  // The annotation's reason changes and the dozen.yaml entry goes: updated and revoked, each recorded.
  await writeFile(join(root, "dozen.yaml"), "rules: {}\n");
  await writeFile(
    join(root, "k8s/deployment.yaml"),
    DEPLOYMENT(`dozen.dev/exempt.${viaAnnotation}: "Vendor fix in 1.2; expires=${inDays(20)}"`),
  );
  await scanIntoDatabase({ root, name: "shop" });
  const changed = await state(slug);
  assert.deepEqual(
    changed.exemptions.map((e) => [e.ruleId, e.status, e.reason]),
    [
      [viaAnnotation, "active", "Vendor fix in 1.2"],
      [viaYaml, "revoked", "Not for a demo"],
    ],
  );
  assert.equal(changed.checks[viaYaml], "fail", "counts again once the code drops it");
  const actions = await db().auditEvent.findMany({
    where: { targetKind: "exemption" },
    select: { action: true, actorKind: true },
    orderBy: { id: "asc" },
  });
  assert.deepEqual(
    actions.map((a) => a.action),
    ["exemption.create", "exemption.create", "exemption.update", "exemption.revoke"],
  );
  assert.ok(actions.every((a) => a.actorKind === "system"));
});
