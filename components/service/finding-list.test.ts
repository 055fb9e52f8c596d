import { test } from "node:test";
import assert from "node:assert/strict";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { FindingList } from "@/components/service/finding-list";
import type { ServiceFinding } from "@/lib/services/get-service-detail";

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
