import assert from "node:assert/strict";
import { test } from "node:test";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { CodeSnippet } from "@/components/service/code-snippet";
import { RemediationGuide } from "@/components/service/remediation-guide";
import { languageOfPath } from "@/lib/guides/code-languages";
import { getGuide } from "@/lib/rules/registry";

test("[SERVICE] an evidence file's language comes from its name or extension; unknown ones stay plain", () => {
  const table: [string, string | null][] = [
    ["Dockerfile", "dockerfile"],
    ["deploy/Dockerfile.prod", "dockerfile"],
    ["src/server.ts", "typescript"],
    ["app/main.py", "python"],
    ["k8s/deployment.yaml", "yaml"],
    ["cmd/api/main.go", "go"],
    ["package.json", "json"],
    [".env.production", null],
    ["Procfile", null],
  ];
  for (const [path, lang] of table) assert.equal(languageOfPath(path), lang, path);
});

test("[SERVICE] a snippet is highlighted in its file's language, escaped, and plain when the language is unknown", () => {
  const docker = renderToStaticMarkup(createElement(CodeSnippet, { code: "FROM node:latest\nUSER root", path: "Dockerfile" }));
  assert.match(docker, /<code class="hljs language-dockerfile"[^>]*><span class="hljs-keyword">FROM<\/span>/);
  const plain = renderToStaticMarkup(createElement(CodeSnippet, { code: "PASSWORD=<redacted>", path: ".env" }));
  assert.equal(
    plain,
    '<pre class="mt-1 overflow-x-auto rounded bg-slate-900 p-2 text-slate-100"><code>PASSWORD=&lt;redacted&gt;</code></pre>',
  );
});

test("[SERVICE] a remediation guide's before/after blocks are highlighted in the language they name", () => {
  const guide = getGuide("readsPortFromEnv");
  assert.ok(guide && /```(ts|js|python|go|yaml|dockerfile)/.test(guide), "the guide has a fenced block with a language");
  const html = renderToStaticMarkup(createElement(RemediationGuide, { markdown: guide }));
  assert.match(html, /<code class="hljs language-\w+">/);
  assert.match(html, /<span class="hljs-[a-z]+">/, "tokens are wrapped for the theme's colours");
  const unknown = renderToStaticMarkup(createElement(RemediationGuide, { markdown: "```gitignore\n.env\n```" }));
  assert.match(
    unknown,
    /<pre><code class="[^"]*language-gitignore">\.env\n<\/code><\/pre>/,
    "an unknown language is left as it is, not guessed",
  );
  assert.doesNotMatch(unknown, /hljs-/);
});
