import assert from "node:assert/strict";
import { it } from "node:test";
import SwaggerParser from "@apidevtools/swagger-parser";
import { GET as openApiJson } from "@/app/api/v1/openapi.json/route";
import { GET as docsPage } from "@/app/api/docs/route";

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, unknown> }>> };

it("/api/v1/openapi.json is a valid OpenAPI 3.1 document describing every v1 route", async () => {
  const response = await openApiJson(new Request("http://dozen.test/api/v1/openapi.json"), undefined);
  assert.equal(response.status, 200);
  const doc = (await response.json()) as Doc;
  // The maintained validator: schema of the document itself, then every $ref resolved.
  await SwaggerParser.validate(structuredClone(doc) as never);
  assert.equal(doc.openapi, "3.1.0");
  const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
  );
  for (const expected of [
    "GET /api/v1/services",
    "GET /api/v1/services/{slug}",
    "GET /api/v1/services/{slug}/findings/{ruleId}/guide",
    "GET /api/v1/teams",
    "GET /api/v1/teams/{slug}",
    "GET /api/v1/factors",
    "GET /api/v1/checks",
    "GET /api/v1/checks/{id}",
    "GET /api/v1/scans",
    "POST /api/v1/scans",
    "GET /api/v1/scans/{id}",
    "GET /api/v1/sources",
    "POST /api/v1/sources",
    "GET /api/v1/sources/{id}",
    "PATCH /api/v1/sources/{id}",
    "DELETE /api/v1/sources/{id}",
    "POST /api/v1/sources/{id}/pause",
    "POST /api/v1/sources/{id}/resume",
    "GET /api/v1/audit-events",
    "GET /api/v1/channels",
    "POST /api/v1/channels",
    "DELETE /api/v1/channels/{id}",
    "GET /api/v1/channels/{id}/deliveries",
    "GET /api/v1/initiatives",
    "POST /api/v1/initiatives",
    "GET /api/v1/initiatives/{slug}",
    "PATCH /api/v1/initiatives/{slug}",
    "DELETE /api/v1/initiatives/{slug}",
    "GET /api/v1/initiatives/{slug}/progress",
    "GET /api/v1/exemptions",
    "POST /api/v1/exemptions",
    "POST /api/v1/exemptions/{id}/approve",
    "POST /api/v1/exemptions/{id}/revoke",
    "POST /api/v1/teams",
    "GET /api/v1/ownership-rules",
    "POST /api/v1/ownership-rules",
    "PATCH /api/v1/ownership-rules/{id}",
    "DELETE /api/v1/ownership-rules/{id}",
    "POST /api/v1/owner-assignments",
  ])
    assert.ok(operations.includes(expected), `${expected} is described`);
  assert.ok(doc.paths["/api/v1/sources"]?.post?.responses["201"]);
  assert.ok(doc.paths["/api/v1/channels"]?.post?.responses["201"]);
  assert.ok(doc.paths["/api/v1/initiatives"]?.post?.responses["201"]);
  assert.ok(doc.paths["/api/v1/exemptions"]?.post?.responses["201"]);
  assert.ok(doc.paths["/api/v1/ownership-rules"]?.post?.responses["201"]);
  assert.ok(doc.paths["/api/v1/teams"]?.post?.responses["201"]);
  assert.ok(doc.paths["/api/v1/services"]?.get?.responses["304"]);
  // A read only admins may make says so.
  assert.ok(doc.paths["/api/v1/audit-events"]?.get?.responses["403"]);
});

it("/api/docs shows every operation and schema on one page that loads nothing from elsewhere", async () => {
  const response = docsPage();
  assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
  const html = await response.text();
  assert.match(html, /<span class="method post">POST<\/span> <code>\/api\/v1\/sources<\/code>/);
  assert.match(html, /id="schema-ServiceDetail"/);
  assert.match(html, /<code>nextCursor<\/code>/);
  assert.doesNotMatch(html, /<script|<link|src="http|@import/, "self-contained: no script, stylesheet or image from elsewhere");
});
