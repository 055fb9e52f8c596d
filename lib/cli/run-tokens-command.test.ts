import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { principalFromBearerToken } from "@/lib/auth/api-tokens/principal-from-bearer-token";
import { main } from "@/lib/cli/main";
import { runApiCommand } from "@/lib/cli/run-api-command";
import { runSourcesCommand } from "@/lib/cli/run-sources-command";
import { runTokensCommand } from "@/lib/cli/run-tokens-command";
import { useTestDatabase } from "@/test/support/test-database";

let database: Awaited<ReturnType<typeof useTestDatabase>>;
before(async () => {
  database = await useTestDatabase();
});
after(async () => database.drop());

let opened = 0;
/** `dozen tokens …` against this file's database (lib/ops/open-admin-database.test.ts covers finding it). */
async function tokens(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runTokensCommand({
    args,
    createdBy: "dozen tokens (tester)",
    output: { out: (t) => void out.push(t), err: (t) => void err.push(t) },
    openDatabase: async () => {
      opened++;
      return { close: async () => undefined };
    },
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("dozen tokens create prints the token alone, once; list shows it without the secret; revoke ends it", async () => {
  const made = await tokens(["create", "--name", "ci deploys", "--role", "maintainer", "--team", "payments", "--expires-in", "30d"]);
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /^dzn_[A-Za-z0-9_-]{43}$/, "stdout holds the token and nothing else");
  assert.match(made.err, /^Created API token \d+ "ci deploys" \(maintainer, expires \d{4}-/);
  assert.match(made.err, /Shown only this once/);
  assert.deepEqual(await principalFromBearerToken({ token: made.out, from: "127.0.0.1" }).then((p) => [p?.name, p?.role, p?.teams]), [
    "ci deploys",
    "maintainer",
    ["payments"],
  ]);

  const listed = await tokens(["list"]);
  const row = listed.out.split("\n").find((l) => l.includes("ci deploys")) ?? "";
  assert.match(
    row,
    new RegExp(
      `^\\d+\\t${made.out.slice(0, 12)}…\\tmaintainer\\(payments\\)\\tci deploys\\tactive\\texpires \\d{4}-.*\\t\\d{4}-.* from 127\\.0\\.0\\.1$`,
    ),
  );
  assert.ok(!listed.out.includes(made.out.slice(12)), "no secret in the list");
  const json = JSON.parse((await tokens(["list", "--json"])).out) as { name: string; createdBy: string }[];
  assert.equal(json.find((t) => t.name === "ci deploys")?.createdBy, "dozen tokens (tester)");

  const revoked = await tokens(["revoke", made.out.slice(0, 12)]);
  assert.equal(revoked.code, 0, revoked.err);
  assert.match(revoked.out, /^Revoked: API token \d+ "ci deploys"/);
  assert.equal(await principalFromBearerToken({ token: made.out, from: "127.0.0.1" }), null);
  assert.match((await tokens(["list"])).out, /ci deploys\trevoked/);
  assert.deepEqual(await tokens(["revoke", "424242"]), { code: 1, out: "", err: 'dozen: no API token with the id or prefix "424242"' });
});

test("dozen tokens refuses bad input before it opens the database", async () => {
  const before = opened;
  for (const argv of [
    ["tokens", "create", "--name", "x", "--role", "owner"],
    ["tokens", "create", "--role", "admin"],
    ["tokens", "create", "--name", "x", "--role", "admin", "--expires-in", "soon"],
    ["tokens", "revoke"],
    ["tokens", "rotate"],
  ]) {
    const err: string[] = [];
    const code = await main({ argv, output: { out: () => undefined, err: (t) => void err.push(t) } });
    assert.equal(code, 2, argv.join(" "));
    assert.match(err.join("\n"), /"tokens" takes: create --name NAME --role viewer\|maintainer\|admin/);
  }
  assert.equal(opened, before);
  assert.match((await tokens(["create", "--name", "y", "--role", "viewer", "--expires-in", "never"])).err, /never expires/);
});

test("the CLI's API commands send DOZEN_TOKEN as a bearer token, and nothing without one", async () => {
  const seen: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    seen.push(req.headers);
    const created = req.method === "POST";
    res.writeHead(created ? 201 : 200, { "content-type": "application/json" });
    res.end(JSON.stringify(created ? { id: 1, schedule: null } : { items: [], nextCursor: null, total: 0 }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const output = { out: () => undefined, err: () => undefined };
  try {
    const token = `dzn_${"a".repeat(43)}`;
    assert.equal(await runApiCommand({ noun: "services", args: ["list"], url, token, output }), 0);
    assert.equal(await runSourcesCommand({ args: ["add", "github", "acme", "--owner", "acme", "--on-demand"], url, token, output }), 0);
    assert.equal(await runApiCommand({ noun: "services", args: [], url, output }), 0);
    assert.deepEqual(
      seen.map((h) => h.authorization),
      [`Bearer ${token}`, `Bearer ${token}`, undefined],
    );
    assert.equal(seen[1]?.["content-type"], "application/json");
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
});
