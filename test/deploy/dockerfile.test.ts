import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { ROOT } from "@/lib/ops/bin-path";
import { readImage, readProcessTypes } from "@/test/deploy/read-image";

/**
 * What the Dockerfile promises, read with Dozen's own Dockerfile parser: pinned bases, production
 * dependencies only, the Next.js standalone server, a numeric non-root user, and exec-form entrypoints for
 * every process type. Docker cannot build here; e2e/ops/image.spec.ts runs the files and entrypoint it lays out.
 */
const image = readImage();
const types = readProcessTypes();
const pkg = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  engines: { node: string };
  scripts: Record<string, string>;
};
const copyOf = (source: string) => image.copies.find((c) => c.sources.includes(source));

describe("Dockerfile", () => {
  it("pins every base image by digest, and runs a Node version package.json's engines admit", () => {
    assert.ok(image.bases.length > 0);
    for (const base of image.bases) {
      assert.match(base.digest ?? "", /^sha256:[0-9a-f]{64}$/, `FROM ${base.image} (line ${base.line})`);
      assert.ok(base.tag, `FROM ${base.image} keeps a readable tag beside its digest`);
    }
    const node = image.bases.find((b) => b.image.startsWith("node:"));
    const version = /^(\d+)\.(\d+)\.(\d+)-/.exec(node?.tag ?? "");
    assert.ok(version, `the node image's tag names a full version: ${node?.tag}`);
    const [min, minMinor] = /^>=(\d+)\.(\d+)$/.exec(pkg.engines.node)!.slice(1).map(Number);
    const [major, minor] = version.slice(1).map(Number);
    assert.ok(major! > min! || (major === min && minor! >= minMinor!), `${node?.tag} satisfies engines ${pkg.engines.node}`);
    // Dev/prod parity: the image runs the Node major the tests run on.
    assert.equal(major, Number(process.versions.node.split(".")[0]));
    // Whatever else the image fetches is pinned too.
    for (const add of image.copies.filter((c) => c.sources.some((s) => /^https?:/.test(s))))
      assert.match(add.flags.checksum ?? "", /^sha256:[0-9a-f]{64}$/, `ADD ${add.sources.join(" ")} has a checksum`);
  });

  it("runs as a numeric, non-root user", () => {
    assert.match(image.user ?? "", /^\d+:\d+$/, "USER uid:gid, numeric so the kubelet can verify runAsNonRoot");
    assert.notEqual(Number(image.user?.split(":")[0]), 0);
    const user = image.dockerfile.instructions.filter((i) => i.keyword === "USER").at(-1)!;
    // Nothing after USER runs as it at build time: everything the image holds stays root-owned and read-only to it.
    assert.deepEqual(
      image.dockerfile.instructions.filter((i) => i.stage === image.runtime.index && i.lineStart > user.lineStart && i.keyword === "RUN"),
      [],
    );
  });

  it("starts in exec form: the process-type entrypoint, web by default", () => {
    assert.equal(image.entrypoint?.form, "exec");
    assert.equal(image.cmd?.form, "exec");
    assert.deepEqual(image.cmd?.argv, ["web"]);
    const [entrypoint, ...rest] = image.entrypoint?.argv ?? [];
    assert.deepEqual(rest, []);
    const copy = image.copies.find((c) => c.dest === entrypoint);
    assert.deepEqual(copy?.sources, ["bin/dozen-process"], `${entrypoint} is bin/dozen-process`);
    assert.equal(copy?.flags.chmod, "755");
    assert.ok(image.dockerfile.instructions.some((i) => i.keyword === "EXPOSE" && i.args.trim() === image.env.PORT));
  });

  it("runs web, worker and migrate as node itself (exec), as `npm run <type>` does", () => {
    const byName = new Map(types.map((t) => [t.name, t.exec]));
    for (const name of ["web", "worker", "migrate"]) assert.match(byName.get(name) ?? "", /^node /, `${name} execs node`);
    // The same commands as package.json's process types; web serves the standalone build the image copies to
    // web/ (scripts/web.ts looks for the build there when there is none beside the sources).
    for (const name of ["web", "worker", "migrate"]) assert.equal(`exec ${byName.get(name)}`, pkg.scripts[name], name);
    assert.equal(copyOf("/app/.next/standalone")?.dest, "/app/web");
    // Every entry file a process type runs is in the repository and copied into the image.
    for (const [name, exec] of byName) {
      const file = exec.split(" ").at(-1)!;
      assert.ok(existsSync(path.join(ROOT, file)), `${name}: ${file} exists`);
      assert.ok(copyOf(`/app/${file.split("/")[0]}`), `${name}: ${file} is copied into the image`);
    }
    const script = readFileSync(path.join(ROOT, "bin/dozen-process"), "utf8");
    assert.match(script, /^#!\/bin\/sh\n/);
    assert.match(script, /^set -eu$/m);
    assert.equal(script.trimEnd().split("\n").at(-1), "esac");
    // An unknown process type is a usage error, not a silent web server.
    const unknown = spawnSync("sh", [path.join(ROOT, "bin/dozen-process"), "serve"], { encoding: "utf8" });
    assert.equal(unknown.status, 64);
    assert.match(unknown.stderr, /usage: dozen-process web\|worker\|migrate/);
  });

  it("ships production dependencies only", () => {
    const modules = image.copies.find((c) => c.dest === `${image.workdir}/node_modules`);
    assert.ok(modules?.from, "node_modules come from another stage");
    const stage = image.dockerfile.stages.find((s) => s.alias === modules.from)!;
    const installs = image.dockerfile.instructions.filter(
      (i) => i.stage === stage.index && i.keyword === "RUN" && /\bnpm install\b/.test(i.args),
    );
    assert.equal(installs.length, 1);
    assert.match(installs[0]!.args, /--omit=dev\b/);
    assert.match(installs[0]!.args, /--ignore-scripts\b/);
  });

  it("serves the Next.js standalone output with its static assets and public files", async () => {
    const config = (await import("@/next.config")).default as { output?: string };
    assert.equal(config.output, "standalone");
    const standalone = copyOf("/app/.next/standalone")?.dest;
    assert.ok(standalone);
    assert.equal(copyOf("/app/.next/static")?.dest, `${standalone}/.next/static`);
    assert.equal(copyOf("/app/public")?.dest, `${standalone}/public`);
    // /api/readyz lists pending migrations from the server's working directory.
    assert.equal(copyOf("/app/prisma/migrations")?.dest, `${standalone}/prisma/migrations`);
  });
});

describe(".dockerignore", () => {
  const patterns = readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith("#"));
  const cases: [string, boolean][] = [
    [".git/config", true],
    [".env", true],
    [".env.local", true],
    [".env.production", true],
    ["examples/fleet/legacy-billing/.env", true],
    [".dozen/pg/PG_VERSION", true],
    ["node_modules/next/package.json", true],
    ["lib/node_modules/x/index.js", true],
    [".next/BUILD_ID", true],
    ["test-results/e2e/trace.zip", true],
    ["playwright-report/index.html", true],
    ["e2e/screenshots/overview.png", true],
    ["tsconfig.tsbuildinfo", true],
    ["package.json", false],
    ["package-lock.json", false],
    ["next.config.ts", false],
    ["prisma/schema.prisma", false],
    ["lib/env.ts", false],
    ["app/layout.tsx", false],
    ["public/favicon.svg", false],
    ["bin/dozen-process", false],
    ["examples/fleet/README.md", false],
  ];
  for (const [file, excluded] of cases)
    it(`${excluded ? "keeps out" : "sends"} ${file}`, () => assert.equal(ignores(patterns, file), excluded));
});

/** Docker's reading of .dockerignore: Go path patterns with `**`, a match excludes what is below it, last match wins. */
function ignores(patterns: string[], file: string): boolean {
  let ignored = false;
  for (const raw of patterns) {
    const negated = raw.startsWith("!");
    const pattern = path.posix.normalize((negated ? raw.slice(1) : raw).replace(/^\/+/, "")).replace(/\/+$/, "");
    const source = pattern
      .split("**/")
      .map((part) =>
        part
          .split("**")
          .map((p) =>
            p
              .split("*")
              .map((s) => s.replace(/[.+?^${}()|[\]\\]/g, "\\$&"))
              .join("[^/]*"),
          )
          .join(".*"),
      )
      .join("(?:.*/)?");
    if (new RegExp(`^${source}(?:/.*)?$`).test(file)) ignored = !negated;
  }
  return ignored;
}
