import assert from "node:assert/strict";
import { test } from "node:test";
import { toGuideLanguage } from "@/lib/guides/guide-languages";
import { renderGuide } from "@/lib/guides/render-guide";
import { renderGuideHtml } from "@/lib/guides/render-guide-html";
import { parseGuideParts } from "@/lib/guides/select-guide-sections";
import { CHECKS, getGuide } from "@/lib/rules/registry";
import type { Evidence } from "@/lib/rules/types";

/** The checks whose fix is code, and the languages each must show it in (README "Guides in the service's language"). */
const CODE_CHECKS = [
  "readsPortFromEnv",
  "handlesSigterm",
  "logsStructured",
  "logsToStdout",
  "configReadFromEnv",
  "exposesHealthEndpoint",
  "exposesMetrics",
  "emitsTraces",
  "bindsAllInterfaces",
  "noHardcodedSecrets",
  "backingServicesAttachedByUrl",
];
const CODE_LANGUAGES = ["go", "java", "python", "javascript", "csharp"];

const repo = (path: string, snippet = "x"): Evidence => ({ type: "repo", path, lineStart: 3, lineEnd: 3, snippet });
const cluster: Evidence = {
  type: "cluster",
  cluster: "prod",
  namespace: "shop",
  kind: "Deployment",
  name: "api",
  jsonPath: "spec.replicas",
};

test("every guide's language markers name languages Dozen knows", () => {
  for (const check of CHECKS) {
    for (const part of parseGuideParts(getGuide(check.id) ?? "")) {
      for (const language of part.languages ?? [])
        assert.ok(toGuideLanguage(language) === language, `${check.id}: unknown language "${language}"`);
    }
  }
});

test("the checks whose fix is code show a before and an after in Go, Java, Python, JavaScript and C#", () => {
  for (const id of CODE_CHECKS) {
    const parts = parseGuideParts(getGuide(id) ?? "");
    for (const language of CODE_LANGUAGES) {
      const text = parts
        .filter((p) => p.languages?.includes(language))
        .flatMap((p) => p.lines)
        .join("\n");
      assert.match(text, /```\w+\n/, `${id}: no ${language} code block`);
      assert.match(text, /\bbefore\b/i, `${id}: no ${language} "before"`);
      assert.match(text, /\bafter\b/i, `${id}: no ${language} "after"`);
    }
  }
});

test("a finding's guide is in its code's language: a Java port gets Spring, a Go service Go", () => {
  const table: [string, Evidence[], string[], RegExp, RegExp][] = [
    ["a Java file", [repo("src/main/java/acme/BillingServer.java")], ["java"], /server\.port=\$\{PORT:8080\}/, /app\.listen|os\.Getenv/],
    [
      "application.properties in a Kotlin service",
      [repo("src/main/resources/application.properties")],
      ["kotlin"],
      /server\.port=/,
      /app\.listen/,
    ],
    ["a Go file", [repo("cmd/api/main.go")], ["go"], /os\.Getenv\("PORT"\)/, /server\.port|app\.listen/],
    ["a TypeScript file", [repo("src/server.ts")], ["typescript"], /process\.env\.PORT/, /os\.Getenv|server\.port/],
    [
      "a Dockerfile of a C# service",
      [repo("Dockerfile")],
      ["csharp"],
      /Environment\.GetEnvironmentVariable\("PORT"\)/,
      /app\.listen|os\.Getenv/,
    ],
    [
      "a Ruby service: the generic advice",
      [repo("config.ru")],
      ["ruby"],
      /No example in Ruby yet; `dozen explain readsPortFromEnv` shows/,
      /```(js|go|properties|python|csharp)\n/,
    ],
  ];
  for (const [name, evidence, languages, present, absent] of table) {
    const guide = renderGuide({ ruleId: "readsPortFromEnv", evidence, languages }) ?? "";
    assert.match(guide, present, name);
    assert.doesNotMatch(guide, absent, name);
    assert.match(guide, /## What to change\nRead `PORT`/, `${name}: the generic advice stays`);
  }
});

test("no guide ever shows an unfilled placeholder or a language marker, with or without a finding", () => {
  const evidences: Evidence[][] = [[], [repo("src/App.java", "int port = 8080; // {{port}} stays: it is the snippet")], [cluster]];
  const languageSets = [[], ["go"], ["java"], ["python"], ["javascript"], ["csharp"], ["ruby"]];
  for (const check of CHECKS) {
    for (const evidence of evidences) {
      for (const languages of languageSets) {
        const guide = renderGuide({ ruleId: check.id, evidence, languages }) ?? "";
        const outsideSnippet = guide.replace("{{port}} stays", "");
        assert.doesNotMatch(outsideSnippet, /(?<!\$)\{\{\s*\w+\s*\}\}/, `${check.id} (${languages.join()}, ${evidence.length} evidence)`);
        assert.doesNotMatch(guide, /<!--\s*\/?lang\b/, `${check.id}: a marker is left`);
      }
    }
  }
  // A snippet's own braces are code, never filled.
  assert.match(renderGuide({ ruleId: "readsPortFromEnv", evidence: evidences[1]!, languages: [] }) ?? "", /\{\{port\}\} stays/);
  assert.match(renderGuide({ ruleId: "noCommittedEnvFiles", evidence: [] }) ?? "", /git rm --cached <path>/);
  assert.match(
    renderGuide({ ruleId: "noCommittedEnvFiles", evidence: [repo(".env.production")] }) ?? "",
    /git rm --cached \.env\.production/,
  );
});

test("[SERVICE] a finding's guide, as the service page loads it, is in the service's language", () => {
  const markdown = renderGuide({
    ruleId: "handlesSigterm",
    evidence: [repo("Dockerfile", 'CMD ["dotnet", "Orders.dll"]')],
    languages: ["csharp"],
  });
  const html = renderGuideHtml({ markdown: markdown ?? "" });
  assert.match(html, /BackgroundService/);
  assert.doesNotMatch(html, /process\.on\(|signal\.NotifyContext/);
  assert.equal(renderGuideHtml({ markdown: markdown ?? "" }), html, "the second render is the cached first");
});
