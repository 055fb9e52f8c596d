import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trimStoredFacts } from "@/lib/persistence/trim-stored-facts";
import { emptyFacts } from "@/test/support/empty-facts";

describe("trimStoredFacts", () => {
  it("keeps every derived fact and each file's path and language, never its lines or syntax", () => {
    const facts = emptyFacts({
      service: { name: "api", path: ".", languages: ["typescript"], owners: ["team-a"] },
      textFiles: [{ path: "src/main.ts", language: "typescript", lines: ["listen(process.env.PORT)"], generated: true }],
      secretCandidates: [{ path: ".env", line: 1, kind: "password-assignment", name: "DB_PASSWORD", preview: "****" }],
    });
    const stored = trimStoredFacts({ facts });
    assert.deepEqual(stored.textFiles, [{ path: "src/main.ts", language: "typescript", generated: true }]);
    assert.deepEqual({ ...stored, textFiles: [] }, { ...facts, textFiles: [] });
    assert.equal(stored.trimmed, undefined);
  });

  it("cuts the longest lists, naming each, until the facts fit; owners and dozen.yaml stay", () => {
    const facts = emptyFacts({
      service: { name: "api", path: ".", languages: [], owners: ["team-a"] },
      files: Array.from({ length: 50_000 }, (_, i) => `src/generated/file-${i}.ts`),
      dependencyManifests: [
        {
          path: "package.json",
          ecosystem: "npm",
          lockfile: null,
          dependencies: Array.from({ length: 23_000 }, (_, i) => ({ name: `dep-${i}`, version: "^1.0.0", line: i + 3, dev: false })),
        },
      ],
      repoConfig: { path: "dozen.yaml", text: "owner: team-a\n" },
    });
    const stored = trimStoredFacts({ facts, maxBytes: 256 * 1024 });
    assert.ok(Buffer.byteLength(JSON.stringify(stored)) <= 256 * 1024);
    assert.deepEqual(stored.trimmed, ["files", "dependencyManifests"]);
    assert.deepEqual([stored.service.owners, stored.repoConfig], [["team-a"], { path: "dozen.yaml", text: "owner: team-a\n" }]);
  });
});
