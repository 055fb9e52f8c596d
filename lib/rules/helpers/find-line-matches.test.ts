import assert from "node:assert/strict";
import { test } from "node:test";
import { emptyFacts } from "@/test/support/empty-facts";
import { findLineMatches, lineEvidence, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import type { TextFile } from "@/lib/facts/types";

const server: TextFile = {
  path: "svc/src/server.js",
  language: "javascript",
  lines: ["// app.listen(8080)", "const app = express();", "app.listen(8080);", "x".repeat(300)],
};
const test_: TextFile = { path: "svc/src/server.test.js", language: "javascript", lines: ["app.listen(8080);"] };
const facts = emptyFacts({ service: { name: "svc", path: "svc", languages: [], owners: [] }, textFiles: [server, test_] });

test("matches code, not comments or tests, with 1-based lines", () => {
  const found = findLineMatches({ facts, patterns: /\.listen\((\d+)\)/ });
  assert.deepEqual(
    found.map((m) => [m.file.path, m.line, m.match[1]]),
    [["svc/src/server.js", 3, "8080"]],
  );
  assert.deepEqual(matchEvidence(found[0]!), {
    type: "repo",
    path: "svc/src/server.js",
    lineStart: 3,
    lineEnd: 3,
    snippet: "app.listen(8080);",
  });
});

test("per-language patterns only apply to their language", () => {
  assert.equal(findLineMatches({ facts, patterns: { python: /listen/ } }).length, 0);
  assert.equal(findLineMatches({ facts, patterns: { default: /listen/ } }).length, 1);
});

test("snippets hold at most 3 lines of at most 200 characters", () => {
  assert.equal(lineEvidence({ file: server, lineStart: 1, lineEnd: 4 }).snippet.split("\n").length, 3);
  const e = lineEvidence({ file: server, lineStart: 2, lineEnd: 4 });
  assert.equal(e.lineEnd, 4);
  const lines = e.snippet.split("\n");
  assert.deepEqual(lines.slice(0, 2), ["const app = express();", "app.listen(8080);"]);
  assert.equal(lines[2]?.length, 200);
});
