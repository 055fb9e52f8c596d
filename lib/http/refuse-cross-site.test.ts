import assert from "node:assert/strict";
import { test } from "node:test";
import { refuseCrossSite } from "@/lib/http/refuse-cross-site";
import { securityHeaders } from "@/lib/http/security-headers";

const HOST = "dozen.acme.test";
const req = (method: string, pathname: string, headers: Record<string, string>) => ({
  method,
  pathname,
  headers: new Headers({ host: HOST, ...headers }),
});

test("issue 14: a page on another site cannot mutate Dozen (API routes and server actions alike)", () => {
  const attacks: [string, ReturnType<typeof req>][] = [
    [
      "text/plain POST from another origin",
      req("POST", "/api/v1/sources", { origin: "https://evil.example", "content-type": "text/plain" }),
    ],
    [
      "JSON POST from another origin",
      req("POST", "/api/v1/sources", { origin: "https://evil.example", "content-type": "application/json" }),
    ],
    ["DELETE from another origin", req("DELETE", "/api/v1/sources/1", { origin: "http://dozen.acme.test.evil.example" })],
    [
      "form post to a server action",
      req("POST", "/sources/new", { origin: "https://evil.example", "content-type": "multipart/form-data; boundary=x" }),
    ],
    ["no-Origin cross-site fetch", req("POST", "/api/v1/scans", { "sec-fetch-site": "cross-site" })],
    ["a server action without Origin", req("POST", "/services/cart", { "content-type": "multipart/form-data; boundary=x" })],
    ["a null Origin (sandboxed frame)", req("POST", "/api/v1/sources", { origin: "null", "content-type": "application/json" })],
  ];
  for (const [name, request] of attacks) assert.equal(refuseCrossSite(request)?.status, 403, name);
});

test("an API mutation takes JSON or no body: a same-origin form or text/plain post is 415", () => {
  for (const type of ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"])
    assert.equal(refuseCrossSite(req("POST", "/api/v1/sources", { origin: `https://${HOST}`, "content-type": type }))?.status, 415, type);
});

test("Dozen's own pages, the CLI and scripts still mutate; reads are never checked", () => {
  const allowed = [
    req("POST", "/api/v1/sources", { origin: `http://${HOST}`, "content-type": "application/json" }),
    req("POST", "/api/v1/sources/3/pause", { origin: `http://${HOST}`, "content-length": "0" }),
    req("POST", "/sources/new", { origin: `http://${HOST}`, "content-type": "text/plain;charset=UTF-8", "next-action": "abc" }),
    req("POST", "/api/v1/sources", { "content-type": "application/json; charset=utf-8" }),
    req("PATCH", "/api/v1/sources/1", { "content-type": "application/merge-patch+json" }),
    req("POST", "/sources", {
      origin: "https://dozen.example",
      "x-forwarded-host": "dozen.example",
      "content-type": "multipart/form-data; boundary=x",
    }),
    req("GET", "/api/export/services", { origin: "https://evil.example" }),
  ];
  for (const request of allowed) assert.equal(refuseCrossSite(request), null, `${request.method} ${request.pathname}`);
});

test("security headers: a nonce-only script policy, own images, no framing, nosniff, HSTS only over TLS", () => {
  const plain = securityHeaders({ nonce: "abc", https: false });
  const csp = plain["content-security-policy"]!;
  assert.match(csp, /script-src 'self' 'nonce-abc'(;|$)/);
  assert.doesNotMatch(csp, /unsafe-eval|script-src[^;]*unsafe-inline/);
  assert.match(csp, /img-src 'self'(;|$)/);
  assert.match(csp, /frame-ancestors 'none'/);
  assert.equal(plain["x-content-type-options"], "nosniff");
  assert.equal(plain["referrer-policy"], "strict-origin-when-cross-origin");
  assert.equal(plain["strict-transport-security"], undefined);
  assert.match(securityHeaders({ nonce: "abc", https: true })["strict-transport-security"] ?? "", /max-age=\d+/);
});
