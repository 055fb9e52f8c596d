import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { after, describe, test } from "node:test";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { collectInventory } from "@/lib/collectors/local/collect-inventory";
import { collectServiceFacts } from "@/lib/collectors/local/collect-service-facts";
import { buildDeployGraph } from "@/lib/facts/deploy-graph/build-deploy-graph";
import { deployFactsOf } from "@/lib/facts/discovery/deploy-facts-of";
import type { FoundService } from "@/lib/facts/discovery/types";
import { parseManifests } from "@/lib/facts/parse-manifests";
import { selectServiceFacts } from "@/lib/pipeline/select-service-facts";
import { CHECKS } from "@/lib/rules/registry";
import { runRules } from "@/lib/rules/run-rules";
import type { CheckDefinition, Finding } from "@/lib/rules/types";
import { listRuleFolders, type CheckFixture } from "@/scripts/render-registry";
import { KINDS } from "@/test/kubernetes/kinds";
import { findBadPlurals } from "@/test/support/find-bad-plurals";
import { startStandIn, type KubeObject } from "@/test/kubernetes/stand-in";

/**
 * One generic test for every check of the catalogue. Each fixture is judged through the real collector of
 * what the check judges: a repository check's `fixtures/<outcome>-<name>/` tree is collected from disk; a
 * cluster (or cross) check's `fixtures/<outcome>-<name>.yaml` objects are served by the stand-in API server
 * (which validates them against the official schemas) and collected through client-node, beside
 * `<outcome>-<name>.declared.yaml`, what the repository declares, for drift. Each must give <outcome>.
 *
 * `DOZEN_CHECK=<checkId> npm test -- lib/rules/fixtures` runs one check's fixtures only.
 *
 * Trees are copied to a temporary directory first, so the result never depends on the checkout around them
 * (e.g. Dozen's own git repository). A `fixture.json` of `{ "git": true }` asks for the copy to be committed
 * to a fresh git repository, since a `.git` folder cannot itself be committed inside a fixture.
 */
const rulesDir = dirname(fileURLToPath(import.meta.url));
const only = process.env.DOZEN_CHECK;
const scratch = mkdtempSync(join(tmpdir(), "dozen-fixtures-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const folders = listRuleFolders({ rulesDir }).filter((f) => !only || f.id === only);
if (only) test(`DOZEN_CHECK names a check of the catalogue`, () => assert.ok(folders.length === 1, `no check folder "${only}"`));

for (const folder of folders) {
  const check = CHECKS.find((r) => r.id === folder.id);
  describe(folder.id, () => {
    for (const fixture of folder.fixtures) {
      test(`${fixture.name} → ${fixture.outcome}`, async () => {
        assert.ok(check, `${folder.id} is missing from the registry: run npm run generate:registry`);
        // A workload check's fixture is a tree (the repository declares it) or a .yaml (a cluster runs it).
        const tree = check.judges === "repository" || (check.judges === "workload" && !fixture.path.endsWith(".yaml"));
        const { findings, isOwnEvidence } = tree ? await judgeTree(check, fixture) : await judgeCluster(fixture);
        const finding = findings.find((f) => f.ruleId === folder.id);
        assert.ok(finding, "the check produced no finding");
        assert.equal(finding.outcome, fixture.outcome, `${finding.message}\n${JSON.stringify(finding.evidence, null, 2)}`);
        if (fixture.outcome === "fail") {
          assert.ok(finding.evidence.length > 0, "a fail must carry evidence");
          for (const e of finding.evidence) isOwnEvidence(e);
        }
        // Every check's message on every fixture reads right: no "(s)", no "dependencys", no "1 places".
        assert.deepEqual(
          findings.flatMap((f) => findBadPlurals(f.message).map((why) => `${f.ruleId}: ${why}`)),
          [],
        );
        // No check may crash on any fixture, whichever check the fixture was written for.
        assert.deepEqual(
          findings.filter((f) => f.outcome === "error").map((f) => `${f.ruleId}: ${f.message}`),
          [],
        );
      });
    }
  });
}

interface Judged {
  findings: Finding[];
  /** Asserts that a fail's evidence points into the fixture itself. */
  isOwnEvidence: (e: Finding["evidence"][number]) => void;
}

async function judgeTree(check: CheckDefinition, fixture: CheckFixture): Promise<Judged> {
  const root = prepare(fixture.path, `${check.id}-${fixture.name}`);
  // The fixture is one service, deployed by everything its tree declares: its facts get their share of the
  // deployment graph (compose `.env` files, how the repository deploys) as a scan's would.
  const graph = buildDeployGraph(await collectInventory({ root }));
  const service: FoundService = {
    name: fixture.name,
    path: ".",
    basis: "root",
    builds: graph.builds,
    runtimeDockerfile: null,
    deployedBy: graph.workloads.map((workload) => ({ workload, link: "name" as const })),
    kind: null,
    owners: [],
  };
  const deploy = deployFactsOf({ service, services: [service], graph });
  const facts = await collectServiceFacts({ root, service: { name: fixture.name, path: ".", owners: [] }, deploy });
  return {
    findings: runRules({ subject: { kind: "repository", facts } }),
    isOwnEvidence: (e) => {
      assert.equal(e.type, "repo");
      if (e.type !== "repo") return;
      assert.ok(
        facts.files.includes(e.path) || facts.files.some((f) => f.startsWith(`${e.path}/`)),
        `evidence path ${e.path} is not a file of the fixture`,
      );
      assert.ok(e.lineStart >= 1 && e.lineEnd >= e.lineStart, `evidence lines ${e.lineStart}-${e.lineEnd}`);
    },
  };
}

async function judgeCluster(fixture: CheckFixture): Promise<Judged> {
  const objects = toStandInObjects(readFileSync(fixture.path, "utf8"));
  const standIn = await startStandIn({ objects });
  try {
    const config = join(scratch, `${basename(dirname(dirname(fixture.path)))}-${fixture.name}.kubeconfig`);
    writeFileSync(config, standIn.kubeconfig("fixture"));
    const client = await createKubeClient({ kc: await loadKubeConfig({ kubeconfigPath: config }), name: "fixture" });
    const facts = await collectCluster({ client });
    const service = selectServiceFacts({ facts, workloads: facts.workloads });
    const declared = fixture.declared
      ? parseManifests({ path: "k8s/deploy.yaml", text: readFileSync(fixture.declared, "utf8") }).objects
      : [];
    const served = new Set(
      Object.entries(objects).flatMap(([resource, list]) =>
        (list ?? []).map((o) => `${kindOf(resource)}/${o.metadata.namespace}/${o.metadata.name}`),
      ),
    );
    return {
      findings: runRules({ subject: { kind: "cluster", facts: service, declared } }),
      isOwnEvidence: (e) => {
        assert.equal(e.type, "cluster");
        if (e.type !== "cluster") return;
        assert.equal(e.cluster, "fixture");
        assert.ok(
          served.has(`${e.kind}/${e.namespace}/${e.name}`),
          `evidence names ${e.kind}/${e.namespace}/${e.name}, not an object of the fixture`,
        );
        assert.ok(e.jsonPath.length > 0, "evidence names a field");
      },
    };
  } finally {
    await standIn.close();
  }
}

function prepare(dir: string, name: string): string {
  const root = join(scratch, name);
  cpSync(dir, root, { recursive: true, filter: (src) => basename(src) !== "fixture.json" });
  const meta = join(dir, "fixture.json");
  const options = existsSync(meta) ? (JSON.parse(readFileSync(meta, "utf8")) as { git?: boolean }) : {};
  if (options.git) {
    const git = (...args: string[]) =>
      execFileSync(
        "git",
        ["-c", "user.name=fixture", "-c", "user.email=fixture@example.invalid", "-c", "init.defaultBranch=main", ...args],
        { cwd: root, stdio: "ignore" },
      );
    git("init", "-q");
    git("add", ".");
    git("commit", "-q", "-m", "fixture");
  }
  return root;
}

/** YAML documents → the stand-in's objects by resource (list items carry no apiVersion/kind). */
function toStandInObjects(text: string): Record<string, KubeObject[]> {
  const objects: Record<string, KubeObject[]> = {};
  for (const doc of parseAllDocuments(text)) {
    const { apiVersion: _apiVersion, kind, ...object } = doc.toJSON() as KubeObject & { apiVersion: string; kind: string };
    const info = KINDS.find((k) => k.kind === kind);
    assert.ok(info, `the stand-in does not serve ${kind}`);
    (objects[info.resource] ??= []).push(object as KubeObject);
  }
  return objects;
}

function kindOf(resource: string): string {
  return KINDS.find((k) => k.resource === resource)?.kind ?? resource;
}
