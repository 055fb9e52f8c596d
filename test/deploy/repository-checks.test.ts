import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, it } from "node:test";
import { ROOT } from "@/lib/ops/bin-path";
import { scanLocalDirectory } from "@/lib/pipeline/scan-local-directory";

/**
 * Dozen's repository checks on what this repository ships to run Dozen: the Dockerfile, its ignore file and
 * entrypoint, and the Kustomize deployment, scanned as a repository declaring them (without the rest of the
 * code, which those checks do not read). The cluster side of the same deployment: test/deploy/kubernetes.test.ts.
 */
const SHIPPED = ["Dockerfile", ".dockerignore", "bin/dozen-process", "package.json", "package-lock.json", "next.config.ts", "deploy"];
// The checks that judge an image or its deployment: each must judge this one and pass.
const CHECKS = [
  "baseImagePinned",
  "execFormEntrypoint",
  "runsAsNonRoot",
  "noSecretsInImage",
  "noBuildStepsAtStartup",
  "readOnlyRootFilesystem",
  "declaresProbes",
  "declaresResourceRequests",
  "scalesByReplicas",
  "declaresPodDisruptionBudget",
  "deploysImmutableImageTags",
  "noHostPathVolumes",
  "noSessionAffinity",
  "backingServiceCredentialsFromSecrets",
  "adminTasksAsJobs",
  "adminTasksRunInReleaseImage",
  "noCommittedEnvFiles",
  "noHardcodedSecrets",
];

const root = mkdtempSync(path.join(tmpdir(), "dozen-shipped-"));
after(() => rmSync(root, { recursive: true, force: true }));

it("the image and the Kubernetes deployment pass Dozen's own repository checks", async () => {
  for (const file of SHIPPED) cpSync(path.join(ROOT, file), path.join(root, file), { recursive: true });
  const { services, failures } = await scanLocalDirectory({ root });
  assert.deepEqual(failures, []);
  assert.equal(services.length, 1);
  const findings = services[0]!.findings;
  assert.deepEqual(
    CHECKS.map((id) => {
      const f = findings.find((x) => x.ruleId === id);
      return `${id}: ${f?.outcome ?? "not run"}${f?.outcome === "pass" ? "" : ` (${f?.message})`}`;
    }),
    CHECKS.map((id) => `${id}: pass`),
  );
});
