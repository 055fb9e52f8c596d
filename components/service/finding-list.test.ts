import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { FindingList } from "@/components/service/finding-list";
import type { ServiceFinding } from "@/lib/services/judge-latest-findings";

const finding: ServiceFinding = {
  ruleId: "readsPortFromEnv",
  factor: "port-binding",
  outcome: "fail",
  message: "The port is fixed in code",
  weight: 3,
  effort: "low",
  origin: "repository",
  fingerprint: "readsPortFromEnv:api",
  exemption: null,
  evidence: [
    { type: "repo", path: "api/server.js", lineStart: 45, lineEnd: 45, snippet: "app.listen(8080);" },
    { type: "repo", path: "api/admin.js", lineStart: 7, lineEnd: 8, snippet: "const port = 9090;\nhttp.createServer(h).listen(port);" },
    {
      type: "repo",
      path: "api/metrics.js",
      lineStart: 3,
      lineEnd: 3,
      snippet: "server.listen(9100, '<b>');",
      url: "https://github.com/acme/api/blob/abc/api/metrics.js#L3",
    },
  ],
};
// A regression of issue #17's lazy guides: a check seen in several places showed only the first place's code
// (the guide's "Where"). The guide loads when opened; every place's lines are in the page from the start.
test("[SERVICE] a finding seen in three places shows each place with its own lines, before any guide loads", () => {
  const html = renderToStaticMarkup(
    createElement(QueryClientProvider, { client: new QueryClient() }, createElement(FindingList, { findings: [finding], slug: "api" })),
  );
  const places = [...html.matchAll(/<li><span data-testid="evidence-location">(.*?)<\/span><pre>(.*?)<\/pre><\/li>/gs)];
  assert.deepEqual(
    places.map((m) => [m[1]!.replace(/<[^>]+>/g, ""), m[2]]),
    [
      ["api/server.js:45", "app.listen(8080);"],
      ["api/admin.js:7-8", "const port = 9090;\nhttp.createServer(h).listen(port);"],
      ["api/metrics.js:3", "server.listen(9100, &#x27;&lt;b&gt;&#x27;);"],
    ],
  );
  assert.match(html, /<a href="https:\/\/github.com\/acme\/api\/blob\/abc\/api\/metrics.js#L3">api\/metrics.js:3<\/a>/);
  assert.doesNotMatch(html, /data-testid="remediation-guide"/, "the guide itself is not in the page");
});

test("[SERVICE] a finding seen in one place lists it without its lines: the guide's Where shows them when opened", () => {
  const html = renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(FindingList, {
        findings: [{ ...finding, evidence: finding.evidence.slice(0, 1) }],
        slug: "api",
      }),
    ),
  );
  assert.match(html, /<li><span data-testid="evidence-location">api\/server\.js:45<\/span><\/li>/);
  assert.doesNotMatch(html, /<pre>/);
});

test("[SERVICE] a finding seen in seven places lists five with their lines and says how many more", () => {
  const places = Array.from({ length: 7 }, (_, i) => ({
    type: "repo" as const,
    path: `api/f${i}.js`,
    lineStart: i + 1,
    lineEnd: i + 1,
    snippet: `listen(${8000 + i});`,
  }));
  const html = renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(FindingList, { findings: [{ ...finding, evidence: places }], slug: "api" }),
    ),
  );
  const listed = [...html.matchAll(/<span data-testid="evidence-location">(.*?)<\/span><pre>(.*?)<\/pre>/g)].map((m) => m[1]);
  assert.deepEqual(listed, ["api/f0.js:1", "api/f1.js:2", "api/f2.js:3", "api/f3.js:4", "api/f4.js:5"]);
  assert.match(html, /<li data-testid="evidence-more">and 2 more places \(all in the API\)<\/li>/);
});

test("[SERVICE] the Exempt control is not in the server's HTML: it appears once the page is interactive", () => {
  const html = renderToStaticMarkup(
    createElement(
      QueryClientProvider,
      { client: new QueryClient() },
      createElement(FindingList, { findings: [finding], slug: "api", canExempt: true }),
    ),
  );
  assert.match(html, /data-rule="readsPortFromEnv"/);
  assert.doesNotMatch(html, /Exempt…/);
});
