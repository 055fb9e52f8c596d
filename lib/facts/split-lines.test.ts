import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { splitLines } from "@/lib/facts/split-lines";

const cases: [name: string, text: string, lines: string[]][] = [
  ["empty file", "", []],
  ["trailing newline adds no line", "a\nb\n", ["a", "b"]],
  ["no trailing newline", "a\nb", ["a", "b"]],
  ["CRLF", "a\r\nb\r\n", ["a", "b"]],
  ["BOM stripped", "\uFEFFa\n", ["a"]],
  ["blank lines kept, so numbering stays right", "a\n\n\nb\n", ["a", "", "", "b"]],
];

describe("splitLines", () => {
  for (const [name, text, lines] of cases) it(name, () => assert.deepEqual(splitLines({ text }), lines));
});
