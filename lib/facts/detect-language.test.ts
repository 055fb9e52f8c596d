import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { detectLanguage } from "@/lib/facts/detect-language";

const cases: [path: string, firstLine: string | undefined, expected: ReturnType<typeof detectLanguage>][] = [
  ["src/server.ts", undefined, "typescript"],
  ["web/App.tsx", undefined, "typescript"],
  ["types/global.d.ts", undefined, null],
  ["index.mjs", undefined, "javascript"],
  ["app/main.py", undefined, "python"],
  ["cmd/api/main.go", undefined, "go"],
  ["src/main/java/App.java", undefined, "java"],
  ["src/main/kotlin/App.kt", undefined, "kotlin"],
  ["build.gradle.kts", undefined, null],
  ["Program.cs", undefined, "csharp"],
  ["config/routes.rb", undefined, "ruby"],
  ["Rakefile", undefined, "ruby"],
  ["src/main.rs", undefined, "rust"],
  ["public/index.php", undefined, "php"],
  ["scripts/entrypoint.sh", undefined, "shell"],
  ["scripts/migrate", "#!/usr/bin/env python3", "python"],
  ["scripts/start", "#!/bin/sh -e", "shell"],
  ["scripts/serve", "#!/usr/bin/env node", "javascript"],
  ["scripts/notes", "just text", null],
  [".env", undefined, null],
  ["config.yaml", undefined, null],
  ["package.json", undefined, null],
  ["Dockerfile", "FROM node:20", null],
];

describe("detectLanguage", () => {
  for (const [path, firstLine, expected] of cases) {
    it(`${path}${firstLine ? ` (${firstLine})` : ""} → ${expected}`, () => {
      assert.equal(detectLanguage({ path, firstLine }), expected);
    });
  }
});
