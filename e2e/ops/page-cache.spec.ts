import { test, expect, type APIRequestContext } from "@playwright/test";

// The web's page cache (README "Page cache") against the real server: a page asked for again is answered from
// memory with the same content and a nonce of its own, and a change is shown on the very next request.
const nonceOf = (csp: string | undefined) => /'nonce-([^']+)'/.exec(csp ?? "")?.[1];

async function twice(request: APIRequestContext, path: string) {
  const first = await request.get(path);
  const second = await request.get(path);
  return { first, second };
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
