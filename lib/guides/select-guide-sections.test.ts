import assert from "node:assert/strict";
import { test } from "node:test";
import type { Language } from "@/lib/facts/types";
import { parseGuideParts, selectGuideSections } from "@/lib/guides/select-guide-sections";

const GUIDE = [
  "# Bind the port",
  "",
  "## Before / after",
  "Generic advice first.",
  "<!-- lang: javascript typescript -->",
  "```js",
  "app.listen(PORT_JS);",
  "```",
  "<!-- lang: go -->",
  "```go",
  "// GO_BLOCK",
  "## not a heading, and <!-- lang: java --> not a marker: both are inside code",
  "```",
  "<!-- lang: java kotlin -->",
  "```properties",
  "server.port=${PORT:8080}",
  "```",
  "<!-- /lang -->",
  "Generic advice after.",
  "",
  "## Effort",
  "Low.",
].join("\n");

test("a guide shows the sections of the code's language, with the generic advice around them", () => {
  const table: [string, Language[], RegExp[], RegExp[]][] = [
    ["Go", ["go"], [/GO_BLOCK/], [/PORT_JS/, /server\.port/]],
    ["TypeScript reads the JavaScript example", ["typescript"], [/PORT_JS/], [/GO_BLOCK/, /server\.port/]],
    ["Kotlin is in the Java section", ["kotlin"], [/server\.port/], [/GO_BLOCK/, /PORT_JS/]],
    ["the first language with a section wins", ["shell", "go", "java"], [/GO_BLOCK/], [/server\.port/, /PORT_JS/]],
    [
      "no section for Ruby: generic advice and a pointer",
      ["ruby"],
      [/No example in Ruby yet; `dozen explain readsPortFromEnv` shows those for JavaScript \/ TypeScript, Go and Java \/ Kotlin\./],
      [/GO_BLOCK/, /PORT_JS/, /server\.port/],
    ],
    [
      "no language known: every section under its name",
      [],
      [/### JavaScript \/ TypeScript\n\n```js/, /### Go\n\n```go/, /### Java \/ Kotlin\n\n```properties/],
      [/No example/],
    ],
  ];
  for (const [name, languages, present, absent] of table) {
    const out = selectGuideSections({ markdown: GUIDE, languages, ruleId: "readsPortFromEnv" });
    for (const re of [/Generic advice first\./, /Generic advice after\./, /## Effort\nLow\./, ...present]) assert.match(out, re, name);
    for (const re of absent) assert.doesNotMatch(out, re, name);
    assert.doesNotMatch(out.replace(/```go[\s\S]*?```/, ""), /<!--/, `${name}: markers never reach the output`);
    assert.doesNotMatch(out, /\n\n\n/, `${name}: no runs of blank lines where sections were`);
  }
});

test("a section ends at a marker, a closing marker or a heading; markers inside fenced code are code", () => {
  const parts = parseGuideParts(GUIDE);
  assert.deepEqual(
    parts.map((p) => p.languages),
    [null, ["javascript", "typescript"], ["go"], ["java", "kotlin"], null],
  );
  const headed = parseGuideParts("<!-- lang: go -->\n```go\nx\n```\n## Effort\nLow.");
  assert.deepEqual(
    headed.map((p) => [p.languages, p.lines.join("|")]),
    [
      [["go"], "```go|x|```"],
      [null, "## Effort|Low."],
    ],
  );
});

test("a guide without sections is returned as it is", () => {
  const plain = "# Title\n\n```js\napp.listen(8080);\n```\n";
  for (const languages of [[], ["go"]] as Language[][]) assert.equal(selectGuideSections({ markdown: plain, languages }), plain);
});
