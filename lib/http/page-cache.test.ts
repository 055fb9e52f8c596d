import assert from "node:assert/strict";
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { after, before, beforeEach, describe, test } from "node:test";
import { createPageCache, type PageCache } from "@/lib/http/page-cache";
import { newNonce, securityHeaders } from "@/lib/http/security-headers";

// The cache in front of a stand-in for Next.js that renders what a page render writes: the security headers
// with a fresh nonce, a streamed HTML body whose scripts carry that nonce, and what the request asked for.
let server: Server;
let base = "";
let cache: PageCache;
let version = "0/1";
let clock = 0;
let renders = 0;
let versionReads = 0;
let renderDelayMs = 0;
let answer: (req: IncomingMessage, res: ServerResponse) => void;

function page(req: IncomingMessage, res: ServerResponse): void {
  const nonce = newNonce();
  for (const [name, value] of Object.entries(securityHeaders({ nonce, https: false }))) res.setHeader(name, value);
  res.setHeader("content-type", "text/html; charset=utf-8");
  res.write(`<html><script nonce="${nonce}">boot()</script><main>render ${renders} of ${req.url}`);
  res.end(` for ${req.headers.cookie ?? "nobody"}</main><script nonce="${nonce}">self.__next_f.push([1])</script></html>`);
}

before(async () => {
  server = createServer((req, res) => {
    void cache.handle(req, res, async () => {
      renders++;
      if (renderDelayMs) await new Promise((resolve) => setTimeout(resolve, renderDelayMs));
      answer(req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  renders = 0;
  versionReads = 0;
  renderDelayMs = 0;
  clock = 1_000_000;
  version = "0/1";
  answer = page;
  cache = createPageCache({
    maxBytes: 64 * 1024,
    maxAgeMs: 30_000,
    versionTtlMs: 200,
    now: () => clock,
    dataVersion: async () => {
      versionReads++;
      return version;
    },
  });
});

const get = (path: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers });
const nonceOf = (response: Response) => /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];

describe("page cache", () => {
  test("the same page again is answered without rendering, with a nonce of its own in header and body", async () => {
    const first = await get("/teams");
    const firstBody = await first.text();
    const second = await get("/teams");
    const secondBody = await second.text();
    assert.equal(renders, 1);
    assert.equal(first.headers.get("x-dozen-page-cache"), "miss");
    assert.equal(second.headers.get("x-dozen-page-cache"), "hit");
    const [a, b] = [nonceOf(first), nonceOf(second)];
    assert.ok(a && b && a !== b, "each answer has its own nonce");
    assert.equal(secondBody.split(`nonce="${b}"`).length - 1, 2, "both scripts carry the new nonce");
    assert.ok(!secondBody.includes(a), "the stored nonce is not served again");
    assert.equal(secondBody.replaceAll(b, a), firstBody, "otherwise the same bytes");
    assert.equal(second.headers.get("x-frame-options"), "DENY");
    assert.equal(Number(second.headers.get("content-length")), Buffer.byteLength(secondBody));
  });

  test("another viewer (cookies), another URL or another navigation state is rendered for itself", async () => {
    await (await get("/teams", { cookie: "dozen_session=alice" })).text();
    const bob = await get("/teams", { cookie: "dozen_session=bob" });
    assert.match(await bob.text(), /for dozen_session=bob/);
    await (await get("/teams?page=2", { cookie: "dozen_session=alice" })).text();
    await (await get("/teams", { cookie: "dozen_session=alice", rsc: "1" })).text();
    assert.equal(renders, 4);
    const again = await get("/teams", { cookie: "dozen_session=alice" });
    assert.match(await again.text(), /for dozen_session=alice/);
    assert.equal(renders, 4);
  });

  test("a change in the database is shown: a new data version renders again", async () => {
    await (await get("/")).text();
    version = "0/2";
    clock += 200;
    const after = await get("/");
    assert.match(await after.text(), /render 2 of \//);
    assert.equal(after.headers.get("x-dozen-page-cache"), "miss");
  });

  test("after a write through this process the version is read at once, not after its 200 ms", async () => {
    await (await get("/")).text();
    const readsBefore = versionReads;
    await (await get("/")).text();
    assert.equal(versionReads, readsBefore, "within 200 ms the version read is reused");
    version = "0/3";
    await (await fetch(`${base}/api/v1/exemptions`, { method: "POST", body: "{}" })).text();
    const after = await get("/");
    assert.equal(after.headers.get("x-dozen-page-cache"), "miss");
    assert.equal(versionReads, readsBefore + 1);
  });

  test("an old entry is rendered again, so relative times stay current", async () => {
    await (await get("/")).text();
    clock += 30_001;
    assert.equal((await get("/")).headers.get("x-dozen-page-cache"), "miss");
    assert.equal(renders, 2);
  });

  test("answers that are not a plain page are never reused", async () => {
    const kinds: Record<string, (res: ServerResponse) => void> = {
      "/error": (res) => {
        res.statusCode = 500;
        res.setHeader("content-type", "text/html");
        res.end("failed");
      },
      "/cookie": (res) => {
        res.setHeader("content-type", "text/html");
        res.setHeader("set-cookie", "dozen_session=new");
        res.end("hello");
      },
      "/csv": (res) => {
        res.setHeader("content-type", "text/csv");
        res.end("a,b");
      },
    };
    answer = (req, res) => kinds[req.url!]!(res);
    for (const path of Object.keys(kinds)) {
      await (await get(path)).text();
      const again = await get(path);
      await again.text();
      assert.notEqual(again.headers.get("x-dozen-page-cache"), "hit", `${path} ${JSON.stringify(cache.stats())}`);
    }
    assert.equal(renders, 6);
  });

  test("API tokens, probes, sign-in, writes and HEAD always reach the app", async () => {
    for (const [path, init] of [
      ["/api/v1/services", { headers: { authorization: "Bearer dzn_x" } }],
      ["/api/readyz", {}],
      ["/sign-in", {}],
      ["/", { method: "HEAD" }],
      ["/", { method: "DELETE" }],
    ] as const) {
      await (await fetch(`${base}${path}`, init)).text();
      await (await fetch(`${base}${path}`, init)).text();
    }
    assert.equal(renders, 10);
    assert.equal(cache.stats().hit, 0);
  });

  test("a database whose version cannot be read is not trusted: every request renders", async () => {
    cache = createPageCache({
      maxBytes: 64 * 1024,
      maxAgeMs: 30_000,
      now: () => clock,
      dataVersion: async () => Promise.reject(new Error("down")),
    });
    await (await get("/")).text();
    await (await get("/")).text();
    assert.equal(renders, 2);
  });

  test("many requests for one page while it renders wait for that one render", async () => {
    renderDelayMs = 100;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => get("/teams/payments").then(async (r) => [r.headers.get("x-dozen-page-cache"), await r.text()])),
    );
    assert.equal(renders, 1);
    assert.equal(answers.filter(([state]) => state === "hit").length, 7);
    assert.ok(answers.every(([, body]) => body?.includes("render 1 of /teams/payments")));
  });

  test("it holds at most its bytes, the least recently used going first", async () => {
    answer = (req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`${req.url} `.padEnd(10_000, "x"));
    };
    for (const path of ["/a", "/b", "/c", "/d", "/e", "/f"]) await (await get(path)).text();
    await (await get("/b")).text(); // used again: stays
    for (const path of ["/g", "/h"]) await (await get(path)).text();
    assert.ok(cache.stats().bytes <= 64 * 1024);
    assert.equal((await get("/b")).headers.get("x-dozen-page-cache"), "hit");
    assert.equal((await get("/a")).headers.get("x-dozen-page-cache"), "miss");
  });

  test("gzip for clients that take it, the body uncompressed inside", async () => {
    answer = (_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end("<p>".padEnd(5_000, "y"));
    };
    const fetchRaw = (headers: Record<string, string>) =>
      new Promise<{ headers: Record<string, unknown>; body: Buffer }>((resolve) => {
        httpGet(`${base}/big`, { headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
        });
      });
    const plain = await fetchRaw({});
    const zipped = await fetchRaw({ "accept-encoding": "gzip, br" });
    assert.equal(plain.headers["content-encoding"], undefined);
    assert.equal(zipped.headers["content-encoding"], "gzip", JSON.stringify([zipped.headers, cache.stats()]));
    assert.equal(zipped.headers["x-dozen-page-cache"], "hit");
    assert.equal(gunzipSync(zipped.body).toString(), "<p>".padEnd(5_000, "y"));
  });
});
