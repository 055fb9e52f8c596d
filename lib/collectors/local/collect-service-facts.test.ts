import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { after, describe, it } from "node:test";
import { collectServiceFacts } from "@/lib/collectors/local/collect-service-facts";
import { writeTestTree } from "@/test/support/write-test-tree";

const roots: string[] = [];
after(async () => Promise.all(roots.map((r) => rm(r, { recursive: true, force: true }))));
const tree = async (files: Record<string, string | Buffer>) => {
  const root = await writeTestTree({ files });
  roots.push(root);
  return root;
};
const service = (path: string) => ({ name: path, path, owners: [] });

// Secret values with real shapes, assembled at runtime so this file is not itself a leak to scanners.
const SECRETS = {
  aws: "AKIA" + "QWERTYUIOPASDFGH",
  github: "ghp_" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0Fe9Dc8",
  stripe: "sk_live_" + "9aB8cD7eF6gH5iJ4kL3mN2oP",
  dbPassword: "pg-" + "Secr3t!Pass",
  sessionSecret: "s3ss10n-" + "sup3r-s3cr3t-v4lue",
  smtp: "smtp" + "Pa55word",
  pemBody: "MIIEowIBAAKCAQEA" + "u1SU1LfVLPHCozMxH2Mo",
  secretData: "c3VwZXJzZWNyZXQ" + "tYmFzZTY0LXZhbHVl",
};

describe("collectServiceFacts", () => {
  it("never lets a secret value into facts, wherever it is written", async () => {
    const root = await tree({
      "svc/.env": `AWS_ACCESS_KEY_ID=${SECRETS.aws}\nSESSION_SECRET=${SECRETS.sessionSecret}\nDATABASE_URL=postgres://app:${SECRETS.dbPassword}@db:5432/app\n`,
      "svc/Dockerfile": `FROM node:20\nENV GITHUB_TOKEN=${SECRETS.github}\nCMD ["node", "server.js"]\n`,
      "svc/src/config.ts": `export const stripeKey = "${SECRETS.stripe}";\nexport const smtpPassword = "${SECRETS.smtp}";\n`,
      "svc/k8s/deploy.yaml": `apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: svc}\nspec:\n  template:\n    spec:\n      containers:\n        - name: app\n          env:\n            - name: SMTP_PASSWORD\n              value: ${SECRETS.smtp}\n---\napiVersion: v1\nkind: Secret\nmetadata: {name: svc}\ndata:\n  token: ${SECRETS.secretData}\n`,
      "svc/docker-compose.yml": `services:\n  app:\n    build: .\n    environment:\n      - DATABASE_URL=postgres://app:${SECRETS.dbPassword}@db/app\n      - SESSION_SECRET=${SECRETS.sessionSecret}\n`,
      "svc/tls/key.pem.yaml": `key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  ${SECRETS.pemBody}\n  -----END RSA PRIVATE KEY-----\n`,
      "svc/package.json": `{ "dependencies": { "private-lib": "git+https://deploy:${SECRETS.github}@github.com/acme/lib.git" } }`,
      "svc/keys/signing.pem": `-----BEGIN PRIVATE KEY-----\n${SECRETS.pemBody}\n-----END PRIVATE KEY-----\n`,
    });
    const facts = await collectServiceFacts({ root, service: service("svc") });
    const json = JSON.stringify(facts);
    for (const [name, value] of Object.entries(SECRETS)) assert.ok(!json.includes(value), `${name} leaked`);
    assert.ok(facts.secretCandidates.length >= 10);
    // A committed key file is reported, but never becomes a text fact.
    assert.ok(facts.secretCandidates.some((c) => c.path === "svc/keys/signing.pem" && c.kind === "private-key" && c.line === 1));
    assert.ok(!facts.textFiles.some((f) => f.path.endsWith(".pem")));
    // Redacted, the files still parse: the manifests and compose environment are all there.
    assert.deepEqual(
      facts.manifests.map((m) => m.kind),
      ["Deployment", "Secret"],
    );
    assert.equal(facts.compose[0]?.services[0]?.environment.length, 2);
    assert.equal(facts.dependencyManifests[0]?.dependencies[0]?.name, "private-lib");
  });

  it("the code of a local Go module its go.mod replaces a requirement with is read as its own", async () => {
    const root = await tree({
      "internal/trainer/go.mod":
        "module example.com/ww/trainer\n\ngo 1.22\n\nrequire example.com/ww/common v0.0.0\n\nreplace example.com/ww/common => ../common/\n",
      "internal/trainer/main.go": 'package main\n\nimport "example.com/ww/common/server"\n\nfunc main() { server.RunHTTPServer() }\n',
      "internal/common/go.mod": "module example.com/ww/common\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
      "internal/common/server/http.go":
        'package server\n\nimport (\n\t"net/http"\n\t"os"\n)\n\nfunc RunHTTPServer() { http.ListenAndServe(":"+os.Getenv("PORT"), nil) }\n',
      "internal/common/server/http_test.go": "package server\n",
      "internal/common/Dockerfile": "FROM golang:1.22\n",
      "internal/users/main.go": "package main\n\nfunc main() {}\n",
    });
    const facts = await collectServiceFacts({ root, service: service("internal/trainer") });
    const read = facts.textFiles.map((f) => f.path).sort();
    assert.deepEqual(read, ["internal/common/server/http.go", "internal/trainer/go.mod", "internal/trainer/main.go"]);
    // The module's own build files stay its own: no Dockerfile, no dependencies taken from its go.mod.
    assert.deepEqual(
      facts.dockerfiles.map((d) => d.path),
      [],
    );
    assert.deepEqual(
      facts.dependencyManifests.map((m) => m.path),
      ["internal/trainer/go.mod"],
    );
  });

  it("paths are source-root relative; tests, docs and lockfiles are listed but not read", async () => {
    const root = await tree({
      "apps/api/Dockerfile": "FROM node:20\n",
      "apps/api/src/server.ts": "listen(process.env.PORT)\n",
      "apps/api/src/server.test.ts": 'const password = "in-a-test";\n',
      "apps/api/docs/deploy.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: doc}\n",
      "apps/api/package.json": "{}",
      "package-lock.json": "{}",
    });
    const facts = await collectServiceFacts({ root, service: service("apps/api") });
    assert.deepEqual(facts.files, [
      "apps/api/Dockerfile",
      "apps/api/docs/deploy.yaml",
      "apps/api/package.json",
      "apps/api/src/server.test.ts",
      "apps/api/src/server.ts",
    ]);
    assert.deepEqual(
      facts.textFiles.map((f) => f.path),
      ["apps/api/Dockerfile", "apps/api/package.json", "apps/api/src/server.ts"],
    );
    assert.deepEqual(facts.manifests, []);
    assert.deepEqual(facts.secretCandidates, []);
    // The workspace lockfile above the service counts.
    assert.equal(facts.dependencyManifests[0]?.lockfile, "package-lock.json");
    assert.deepEqual(facts.service.languages, ["typescript"]);
  });

  it("a broken YAML is skipped with its reason while the rest parses", async () => {
    const root = await tree({
      "k8s/good.yaml": "apiVersion: v1\nkind: Service\nmetadata: {name: ok}\n",
      "k8s/bad.yaml": "apiVersion: v1\nkind: Deployment\nmetadata:\n  name: [broken\n",
      "chart/templates/cond.yaml":
        "kind: Service\nspec:\n{{- if .Values.lb }}\n  type: LoadBalancer\n{{- else }}\n  type: ClusterIP\n{{- end }}\n",
      Dockerfile: "FROM alpine\n",
    });
    const facts = await collectServiceFacts({ root, service: service(".") });
    assert.deepEqual(
      facts.manifests.map((m) => m.name),
      ["ok"],
    );
    assert.deepEqual(
      facts.skipped.map((s) => [s.path, s.reason.split(":")[0]]),
      [
        ["chart/templates/cond.yaml", "helm template"],
        ["k8s/bad.yaml", "invalid YAML"],
      ],
    );
  });

  it("enforces limits: file size, total text, file count; skips binaries", async () => {
    const root = await tree({
      Dockerfile: "FROM alpine\n",
      "big.json": `{"a": "${"x".repeat(2000)}"}`,
      "a.yaml": "- a\n".repeat(100),
      "b.yaml": "- b\n".repeat(100),
      "logo.sh": Buffer.from([0x23, 0x21, 0x00, 0x01]),
    });
    const facts = await collectServiceFacts({ root, service: service("."), limits: { maxFileBytes: 1024, maxTotalBytes: 700 } });
    assert.deepEqual(facts.skipped, [
      { path: "b.yaml", reason: "total text limit (700 B) reached" },
      { path: "big.json", reason: "too large (2 KiB > 1 KiB)" },
      { path: "logo.sh", reason: "binary" },
    ]);
    const capped = await collectServiceFacts({ root, service: service("."), limits: { maxFiles: 2 } });
    assert.equal(capped.files.length, 2);
    assert.deepEqual(capped.skipped.at(-1), { path: ".", reason: "file limit (2) reached: 3 more files not listed" });
  });

  it("never follows a symlink, to a file or a directory", async () => {
    const outside = await tree({ "secret.env": `API_KEY=${SECRETS.stripe}\n`, "dir/Dockerfile": "FROM evil\n" });
    const root = await tree({ "svc/Dockerfile": "FROM alpine\n" });
    await symlink(join(outside, "secret.env"), join(root, "svc/.env"));
    await symlink(join(outside, "dir"), join(root, "svc/linked"));
    const facts = await collectServiceFacts({ root, service: service("svc") });
    assert.deepEqual(facts.skipped, [
      { path: "svc/.env", reason: "symlink (not followed)" },
      { path: "svc/linked", reason: "symlink (not followed)" },
    ]);
    assert.deepEqual(facts.files, ["svc/Dockerfile"]);
    assert.ok(!JSON.stringify(facts).includes(SECRETS.stripe));
  });

  it("reads the commit and branch of a git repository, none outside one", async () => {
    const root = await tree({ Dockerfile: "FROM alpine\n" });
    assert.deepEqual((await collectServiceFacts({ root, service: service(".") })).vcs, { kind: "none", commit: null, branch: null });
    const git = (...args: string[]) => execFileSync("git", ["-C", root, ...args], { encoding: "utf8" }).trim();
    git("init", "-q", "-b", "main");
    git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "--allow-empty", "-m", "init");
    const head = git("rev-parse", "HEAD");
    assert.deepEqual((await collectServiceFacts({ root, service: service(".") })).vcs, { kind: "git", commit: head, branch: "main" });
  });

  it("a script without extension counts by its shebang; other extensionless files are not read", async () => {
    const root = await tree({ Dockerfile: "FROM alpine\n", "bin-scripts/start": "#!/bin/sh\nexec app\n", LICENSE: "MIT\n" });
    await writeFile(join(root, "run"), "#!/usr/bin/env python3\nprint('hi')\n");
    const facts = await collectServiceFacts({ root, service: service(".") });
    assert.deepEqual(
      facts.textFiles.map((f) => [f.path, f.language]),
      [
        ["Dockerfile", null],
        ["bin-scripts/start", "shell"],
        ["run", "python"],
      ],
    );
  });

  it("fails as a whole only when the service directory cannot be read", async () => {
    const root = await tree({ "a/Dockerfile": "FROM alpine\n" });
    await assert.rejects(collectServiceFacts({ root, service: service("gone") }), { code: "ENOENT" });
  });
});
