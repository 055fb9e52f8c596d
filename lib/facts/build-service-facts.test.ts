import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { buildServiceFacts } from "@/lib/facts/build-service-facts";

const PASSWORD = "Tr0ub4dor-and-3";
const texts = [
  { path: "svc/Dockerfile", text: "FROM node:20-alpine\nENV DB_PASSWORD " + PASSWORD + '\nCMD ["node", "server.js"]\n' },
  { path: "svc/src/server.ts", text: "const port = process.env.PORT;\n" },
  { path: "svc/src/server.test.ts", text: `const password = "${PASSWORD}";\n` },
  { path: "svc/package.json", text: '{\n  "dependencies": {\n    "express": "^4"\n  }\n}\n' },
  {
    path: "svc/k8s/deploy.yaml",
    text: `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: DB_PASSWORD\n              value: "${PASSWORD}"\n`,
  },
  { path: "svc/k8s/broken.yaml", text: "apiVersion: v1\nkind: [\n" },
  { path: "svc/chart/templates/svc.yaml", text: "apiVersion: v1\nkind: Service\nmetadata:\n  name: {{ .Release.Name }}\n" },
  { path: "svc/Procfile", text: "web: node server.js\n" },
  { path: "svc/docker-compose.yml", text: `services:\n  app:\n    build: .\n    environment:\n      DB_PASSWORD: ${PASSWORD}\n` },
  { path: "svc/bin-script", text: "\u0000" },
];

describe("buildServiceFacts", () => {
  const facts = buildServiceFacts({
    service: { name: "svc", path: "svc", owners: ["@team"] },
    files: [...texts.map((t) => t.path), "svc/package-lock.json", "svc/README.md"],
    texts,
    knownPaths: new Set(["svc/package-lock.json"]),
    skipped: [{ path: "svc/big.json", reason: "too large" }],
    vcs: { kind: "none", commit: null, branch: null },
  });

  it("never holds the secret value anywhere", () => {
    assert.ok(!JSON.stringify(facts).includes(PASSWORD));
    assert.deepEqual(
      facts.secretCandidates.map((c) => [c.path, c.line, c.name]),
      [
        ["svc/Dockerfile", 2, "DB_PASSWORD"],
        ["svc/docker-compose.yml", 5, "DB_PASSWORD"],
        ["svc/k8s/deploy.yaml", 12, "DB_PASSWORD"],
      ],
    );
  });

  it("keeps tests out of textFiles but in files", () => {
    assert.ok(facts.files.includes("svc/src/server.test.ts"));
    assert.ok(!facts.textFiles.some((f) => f.path.endsWith(".test.ts")));
  });

  it("feeds every parser and records bad content as skipped", () => {
    assert.deepEqual(
      facts.dockerfiles.map((d) => d.instructions.at(-1)?.form),
      ["exec"],
    );
    assert.deepEqual(
      facts.manifests.map((m) => [m.path, m.kind, m.name]),
      [
        ["svc/chart/templates/svc.yaml", "Service", "HELM_VALUE"],
        ["svc/k8s/deploy.yaml", "Deployment", "svc"],
      ],
    );
    assert.deepEqual(
      facts.procfiles.map((p) => p.processes.length),
      [1],
    );
    assert.equal(facts.compose[0]?.services[0]?.environment[0]?.value, "****");
    assert.deepEqual(
      facts.dependencyManifests.map((m) => [m.ecosystem, m.lockfile, m.dependencies.length]),
      [["npm", "svc/package-lock.json", 1]],
    );
    assert.deepEqual(
      facts.skipped.map((s) => s.path),
      ["svc/big.json", "svc/k8s/broken.yaml"],
    );
    assert.match(facts.skipped[1]?.reason ?? "", /^invalid YAML: document 1: /);
  });

  it("detects languages from source files", () => assert.deepEqual(facts.service.languages, ["typescript"]));
});

describe("buildServiceFacts: a file past DOZEN_FILE_MAX_SECRET_CANDIDATES", () => {
  it("keeps the capped candidates, withholds the rest of the file and says so, naming the setting", () => {
    const dump = { path: "svc/config/dump.json", text: `{\n${'"password":"hunter22",'.repeat(40)}\n"port": 8080\n}\n` };
    const facts = buildServiceFacts({
      service: { name: "svc", path: "svc", owners: [] },
      files: [dump.path],
      texts: [dump],
      knownPaths: new Set(),
      skipped: [],
      vcs: { kind: "none", commit: null, branch: null },
      maxSecretCandidates: 5,
    });
    assert.equal(facts.secretCandidates.length, 5);
    assert.deepEqual(facts.skipped, [
      { path: dump.path, reason: "secret scan stopped after 5 candidates (DOZEN_FILE_MAX_SECRET_CANDIDATES): line 2 on withheld" },
    ]);
    assert.ok(!JSON.stringify(facts).includes("hunter22"));
    assert.ok(!JSON.stringify(facts).includes("8080"), "what was not scanned is not kept");
  });
});
