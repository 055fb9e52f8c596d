import { test, expect, type APIRequestContext } from "@playwright/test";

// The web's page cache (README "Page cache") against the real server: a page asked for again is answered from
// memory with the same content and a nonce of its own, and a change is shown on the very next request.
const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

/**
 * The same request twice in a row, until the second is answered from the cache. The cache keeps an answer only
 * while PostgreSQL's WAL position stands still, and on this test server other writers (the demo scan, other
 * databases' tests) may move it between two requests: that correctly costs a render, so a pair is tried again.
 */
async function twice(request: APIRequestContext, path: string) {
  for (let attempt = 1; ; attempt++) {
    const first = await request.get(path);
    const second = await request.get(path);
    if (second.headers()["x-dozen-page-cache"] === "hit" || attempt === 30) return { first, second };
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

test("[OPS] the overview asked for again comes from the page cache, with the same content and a fresh nonce", async ({ request }) => {
  const { first, second } = await twice(request, "/");
  expect(first.status()).toBe(200);
  expect(second.status()).toBe(200);
  expect(second.headers()["x-dozen-page-cache"]).toBe("hit");
  const [a, b] = [nonceOf(first.headers()["content-security-policy"]), nonceOf(second.headers()["content-security-policy"])];
  expect(a).toBeTruthy();
  expect(b).toBeTruthy();
  expect(b).not.toBe(a);
  const html = await second.text();
  const scriptNonces = new Set([...html.matchAll(/<script[^>]* nonce="([^"]+)"/g)].map((m) => m[1]));
  expect([...scriptNonces]).toEqual([b]);
  expect(html.replaceAll(b!, a!)).toBe(await first.text());
});

test("[OPS] a change made through the API shows on the next read, not the cached one", async ({ request }) => {
  const name = `cache-probe-${Date.now()}`;
  const { second } = await twice(request, "/api/v1/sources?limit=200");
  expect(second.headers()["x-dozen-page-cache"]).toBe("hit");
  expect(JSON.stringify(await second.json())).not.toContain(name);
  const added = await request.post("/api/v1/sources", { data: { kind: "kubernetes", name, schedule: null, config: { inCluster: true } } });
  expect(added.status()).toBe(201);
  try {
    const after = await request.get("/api/v1/sources?limit=200");
    expect(after.headers()["x-dozen-page-cache"]).toBe("miss");
    expect(JSON.stringify(await after.json())).toContain(name);
  } finally {
    const { id } = (await added.json()) as { id: number };
    expect((await request.delete(`/api/v1/sources/${id}`)).status()).toBeLessThan(300);
  }
});
