import { test, expect } from "@playwright/test";

const OTHER_SITE = "https://evil.example";

test("[SECURITY] a cross-site POST to an API route or a server action is 403; text/plain to the API is 415", async ({ request }) => {
  const api = await request.post("/api/v1/scans", {
    headers: { origin: OTHER_SITE, "content-type": "application/json" },
    data: JSON.stringify({ sourceId: 1 }),
  });
  expect(api.status()).toBe(403);
  // A server action: a multipart post to a page, as another site's form would send it.
  const action = await request.post("/sources/new", {
    headers: { origin: OTHER_SITE, "next-action": "0".repeat(40) },
    multipart: { name: "x" },
  });
  expect(action.status()).toBe(403);
  const plain = await request.post("/api/v1/sources", {
    headers: { "content-type": "text/plain" },
    data: '{"kind":"local","name":"x","schedule":null,"config":{"directory":"/tmp"}}',
  });
  expect(plain.status()).toBe(415);
});

test("[SECURITY] every page carries a nonce CSP, no framing, img-src 'self', nosniff and a referrer policy", async ({ request }) => {
  const nonces = new Set<string>();
  for (const path of ["/", "/sources", "/scans", "/audit"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    const headers = response.headers();
    const csp = headers["content-security-policy"] ?? "";
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    expect(nonce, `${path} CSP has a nonce`).toBeTruthy();
    nonces.add(nonce!);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("img-src 'self'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBeTruthy();
    // Plain http on a laptop: no HSTS.
    expect(headers["strict-transport-security"]).toBeUndefined();
  }
  // A fresh nonce per answer.
  expect(nonces.size).toBe(4);
  const behindTls = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(behindTls.headers()["strict-transport-security"]).toMatch(/max-age=\d+/);
});

test("[SECURITY] Next's built assets are cached for a year as immutable; pages are not", async ({ request }) => {
  const page = await request.get("/");
  expect(page.headers()["cache-control"] ?? "").not.toMatch(/immutable|max-age=[1-9]/);
  const html = await page.text();
  const assets = [...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  expect(assets.length).toBeGreaterThan(0);
  for (const asset of new Set(assets)) {
    const response = await request.get(asset);
    expect(response.status(), asset).toBe(200);
    expect(response.headers()["cache-control"], asset).toBe("public, max-age=31536000, immutable");
  }
});
