import assert from "node:assert/strict";
import { test } from "node:test";
import { languageOfPath } from "@/lib/guides/code-languages";
import { renderGuide } from "@/lib/guides/render-guide";
import { renderGuideHtml } from "@/lib/guides/render-guide-html";
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

test("[SERVICE] a finding's snippet is highlighted in its file's language in its guide, escaped, and plain when unknown", () => {
  const where = (path: string, snippet: string) =>
    renderGuideHtml({
      markdown:
        renderGuide({
          ruleId: "x",
          markdown: "**Where:** here\n\n```\n{{snippet}}\n```\n",
          evidence: [{ type: "repo", path, lineStart: 1, lineEnd: 1, snippet }],
        }) ?? "",
    });
  assert.match(
    where("Dockerfile", "FROM node:latest\nUSER root"),
    /<code class="hljs language-dockerfile"><span class="hljs-keyword">FROM<\/span>/,
  );
  assert.match(where(".env", "PASSWORD=<redacted>"), /<pre><code>PASSWORD=&#x3C;redacted>\n<\/code><\/pre>/);
  const hostile = where("server.js", '</code><img src=x onerror="alert(1)">');
  assert.match(hostile, /language-javascript/);
  assert.doesNotMatch(hostile, /<img|<\/code><img/, "a highlighted snippet is escaped too");
});

test("[SERVICE] a remediation guide's before/after blocks are highlighted in the language they name", () => {
  const guide = getGuide("readsPortFromEnv");
  assert.ok(guide && /```(ts|js|python|go|yaml|dockerfile)/.test(guide), "the guide has a fenced block with a language");
  const html = renderGuideHtml({ markdown: guide });
  assert.match(html, /<code class="hljs language-\w+">/);
  assert.match(html, /<span class="hljs-[a-z]+">/, "tokens are wrapped for the theme's colours");
  const unknown = renderGuideHtml({ markdown: "```gitignore\n.env\n```" });
  assert.match(
    unknown,
    /<pre><code class="[^"]*language-gitignore">\.env\n<\/code><\/pre>/,
    "an unknown language is left as it is, not guessed",
  );
  assert.doesNotMatch(unknown, /hljs-/);
});
