import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readTomlEntries, tomlVersion } from "@/lib/facts/read-toml-entries";

describe("readTomlEntries", () => {
  it("reads tables, keys, inline tables, and arrays element by element with their lines", () => {
    const lines = [
      "# comment",
      "[package]",
      'name = "x" # trailing',
      "",
      "[target.'cfg(unix)'.dependencies]",
      'nix = { version = "0.28", features = ["fs"] }',
      "[project]",
      'dependencies = ["a>=1", "b"]',
      "optional = [",
      '  "c[extra]==2",  # why',
      "  \"d; python_version < '3.11'\",",
      "]",
      'url = "http://x/#not-a-comment"',
    ];
    assert.deepEqual(
      readTomlEntries({ lines }).map((e) => [e.table, e.key, e.value, e.line, e.arrayItem]),
      [
        ["package", "name", '"x"', 3, false],
        ["target.cfg(unix).dependencies", "nix", '{ version = "0.28", features = ["fs"] }', 6, false],
        ["project", "dependencies", "a>=1", 8, true],
        ["project", "dependencies", "b", 8, true],
        ["project", "optional", "c[extra]==2", 10, true],
        ["project", "optional", "d; python_version < '3.11'", 11, true],
        ["project", "url", '"http://x/#not-a-comment"', 13, false],
      ],
    );
  });
});

describe("tomlVersion", () => {
  const cases: [value: string, version: string | null][] = [
    ['"1.0"', "1.0"],
    ['{ version = "^2", extras = ["x"] }', "^2"],
    ['{ git = "https://example.com/x.git" }', null],
    ["true", null],
  ];
  for (const [value, version] of cases) it(value, () => assert.equal(tomlVersion(value), version));
});
