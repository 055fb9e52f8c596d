import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { DependencyManifest, Language, TextFile } from "@/lib/facts/types";
import { rankLanguages } from "@/lib/facts/rank-languages";

const file = (language: Language | null): TextFile => ({ path: "x", language, lines: [] });
const manifest = (ecosystem: DependencyManifest["ecosystem"]): DependencyManifest => ({
  path: "m",
  ecosystem,
  lockfile: null,
  dependencies: [],
});

const cases: [name: string, files: (Language | null)[], manifests: DependencyManifest["ecosystem"][], expected: Language[]][] = [
  ["most files first", ["go", "typescript", "go", null], [], ["go", "typescript"]],
  ["ties break by name", ["python", "java"], [], ["java", "python"]],
  ["shell only counts alone", ["go", "shell", "shell"], [], ["go"]],
  ["shell-only service", ["shell"], [], ["shell"]],
  ["no source: manifests stand in", [null], ["poetry"], ["python"]],
  ["no source and a shell script: manifests win", ["shell"], ["npm"], ["javascript"]],
  ["nothing at all", [], [], []],
];

describe("rankLanguages", () => {
  for (const [name, files, manifests, expected] of cases) {
    it(name, () => assert.deepEqual(rankLanguages({ textFiles: files.map(file), manifests: manifests.map(manifest) }), expected));
  }
});
