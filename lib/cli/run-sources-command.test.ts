import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, test } from "node:test";
import { POST as addSource } from "@/app/api/v1/sources/route";
import { main } from "@/lib/cli/main";
import { db } from "@/lib/db";
import { QUEUES } from "@/lib/jobs/queues";
import { useWebBoss } from "@/test/support/use-web-boss";
import { writeKubeconfig } from "@/test/support/write-kubeconfig";

const web = useWebBoss();
let server: Server;
let url: string;

// The real route handlers behind a plain HTTP server: the CLI talks HTTP to what `next start` would run.
before(async () => {
  const routes: Record<string, (request: Request, context: unknown) => Promise<Response>> = { "/api/v1/sources": addSource };
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const route = routes[req.url ?? ""];
    const response =
      route && req.method === "POST"
        ? await route(
            new Request(`http://dozen.test${req.url}`, {
              method: "POST",
              headers: { "content-type": String(req.headers["content-type"]) },
              body: Buffer.concat(chunks),
            }),
            undefined,
          )
        : new Response("not found", { status: 404 });
    res.writeHead(response.status, { "content-type": response.headers.get("content-type") ?? "text/plain" });
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
});

async function dozen(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main({ argv, output: { out: (t) => void out.push(t), err: (t) => void err.push(t) } });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

test("sources add kubernetes registers a cluster through the API, scheduled at once", async () => {
  const kubeconfig = await writeKubeconfig({ contexts: ["prod-eu"] });
  const { code, out } = await dozen([
    "sources",
    "add",
    "kubernetes",
    "prod-eu",
    "--kubeconfig",
    kubeconfig,
    "--context",
    "prod-eu",
    "--namespace",
    "shop",
    "--namespace",
    "payments",
    "--schedule",
    "0 4 * * *",
    "--url",
    url,
  ]);
  assert.equal(code, 0, out);
  const source = await db().source.findUniqueOrThrow({
    where: { name: "prod-eu" },
    select: { id: true, kind: true, config: true, schedule: true },
  });
  assert.match(out, new RegExp(`^Added kubernetes source "prod-eu" \\(id ${source.id}\\), scanned on "0 4 \\* \\* \\*" \\(UTC\\)\\.`));
  assert.match(out, new RegExp(`dozen scans start ${source.id} \\(POST ${url}/api/v1/scans\\)`));
  assert.deepEqual([source.kind, source.schedule], ["kubernetes", "0 4 * * *"]);
  assert.deepEqual((source.config as { namespaces: string[] }).namespaces, ["shop", "payments"]);
  assert.equal((await web.boss.getSchedules(QUEUES.scheduledScan, String(source.id)))[0]?.cron, "0 4 * * *");
});

test("sources add github registers an organisation on demand only", async () => {
  const { code, out } = await dozen([
    "sources",
    "add",
    "github",
    "acme",
    "--owner",
    "acme",
    "--token-env",
    "ACME_TOKEN",
    "--exclude",
    "sandbox-*",
    "--on-demand",
    "--url",
    url,
  ]);
  assert.equal(code, 0, out);
  assert.match(out, /scanned on demand only/);
  const source = await db().source.findUniqueOrThrow({
    where: { name: "acme" },
    select: { kind: true, location: true, schedule: true, config: true },
  });
  assert.deepEqual([source.kind, source.location, source.schedule], ["github", "acme", null]);
  assert.deepEqual((source.config as { tokenEnv: string; exclude: string[] }).exclude, ["sandbox-*"]);
});

test("bad input is refused before sending (2), a taken name by the server (1), an unreachable Dozen is named (1)", async () => {
  const bad = await dozen([
    "sources",
    "add",
    "kubernetes",
    "x",
    "--in-cluster",
    "--context",
    "prod",
    "--namespace",
    "Not_OK",
    "--url",
    url,
  ]);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /config\.namespaces\.0: a namespace name/);
  assert.match(bad.err, /config\.inCluster: inCluster takes no kubeconfigPath or context/);

  const taken = await dozen(["sources", "add", "kubernetes", "prod-eu", "--in-cluster", "--url", url]);
  assert.equal(taken.code, 1);
  assert.match(taken.err, /a source named "prod-eu" already exists/);

  const usage = await dozen(["sources", "add", "gitlab", "x", "--url", url]);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /Unknown source kind "gitlab"/);

  const closed = await new Promise<string>((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as AddressInfo).port;
      s.close(() => resolve(`http://127.0.0.1:${port}`));
    });
  });
  const unreachable = await dozen(["sources", "add", "kubernetes", "elsewhere", "--in-cluster", "--url", closed]);
  assert.equal(unreachable.code, 1);
  assert.match(unreachable.err, new RegExp(`cannot reach Dozen at ${closed.replaceAll(".", "\\.")} .*ECONNREFUSED`));
});
