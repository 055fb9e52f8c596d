import assert from "node:assert/strict";
import { test } from "node:test";
import { renderGuide } from "@/lib/guides/render-guide";
import { renderGuideHtml } from "@/lib/guides/render-guide-html";

// Issue 14: a file name inside a scanned repository was inserted into guide markdown ({{path}}), so a crafted
// name rendered tracking images and phishing links on the service page. Every place a value can stand.
const HOSTILE = [
  "![track](https://tracker.example/p.png)",
  "[Sign in again](https://phish.example/login)",
  "a`<img src=x onerror=alert(1)>`b",
  "x\n\n![t](https://tracker.example/2.png)",
  "```\n![t](https://tracker.example/3.png)\n```",
];

function html(markdown: string): string {
  return renderGuideHtml({ markdown });
}

test("a hostile file name or snippet in a finding never becomes an image, a link or HTML in its guide", () => {
  const template = [
    "# Fix it",
    "**Where:** `{{path}}:{{line}}`",
    "",
    "```",
    "{{snippet}}",
    "```",
    "",
    "Rename {{path}} and see `{{path}}` (line {{line}}).",
    "",
    "```yaml",
    "file: {{path}}",
    "```",
  ].join("\n");
  for (const value of HOSTILE) {
    const markdown = renderGuide({
      ruleId: "custom",
      markdown: template,
      evidence: [{ type: "repo", path: value, lineStart: 3, lineEnd: 3, snippet: value }],
    });
    assert.ok(markdown);
    const page = html(markdown);
    // No element can open where `<` is escaped: no image, no link, no tag carrying the handler.
    assert.doesNotMatch(page, /<img|<a |<[a-z]+ [^>]*onerror=/, `${JSON.stringify(value)} → ${page}`);
  }
});

test("a hostile cluster object name never becomes markdown either", () => {
  const markdown = renderGuide({
    ruleId: "custom",
    markdown: "**Where:** {{kind}} `{{namespace}}/{{name}}`\n\nSee {{name}}.",
    evidence: [
      {
        type: "cluster",
        cluster: "[c](https://phish.example)",
        namespace: "shop",
        kind: "Deployment",
        name: "![x](https://tracker.example/p.png)",
        jsonPath: "spec.replicas",
        snippet: "[click](https://phish.example)",
      },
    ],
  });
  assert.ok(markdown);
  assert.doesNotMatch(html(markdown), /<img|<a /);
  assert.match(html(markdown), /!\[x\]\(https:\/\/tracker\.example\/p\.png\)/, "the name is shown as it is");
});
