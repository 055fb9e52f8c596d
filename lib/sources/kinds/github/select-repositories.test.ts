import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { githubSourceConfig } from "@/lib/sources/kinds/github/config";
import { linkEvidence, webBaseFor } from "@/lib/sources/kinds/github/link-evidence";
import { selectRepositories } from "@/lib/sources/kinds/github/select-repositories";
import type { Finding } from "@/lib/rules/types";

const repo = (name: string, extra: Partial<{ archived: boolean; fork: boolean; topics: string[] }> = {}) => ({
  fullName: `acme/${name}`,
  defaultBranch: "main",
  htmlUrl: `https://github.com/acme/${name}`,
  archived: false,
  fork: false,
  topics: [],
  ...extra,
});

describe("selectRepositories", () => {
  const repos = [
    repo("api"),
    repo("old", { archived: true }),
    repo("fork-of-x", { fork: true }),
    repo("web-ui", { topics: ["frontend"] }),
    repo("sandbox-1"),
  ];
  const names = (config: object) => selectRepositories({ repos, config: githubSourceConfig.parse(config) }).map((r) => r.fullName);
  it("skips archived repositories and forks by default", () => {
    assert.deepEqual(names({}), ["acme/api", "acme/web-ui", "acme/sandbox-1"]);
    assert.deepEqual(names({ includeArchived: true, includeForks: true }).length, 5);
  });
  it("applies include/exclude name patterns and topics", () => {
    assert.deepEqual(names({ exclude: ["sandbox-*"] }), ["acme/api", "acme/web-ui"]);
    assert.deepEqual(names({ include: ["WEB*", "api"] }), ["acme/api", "acme/web-ui"]);
    assert.deepEqual(names({ topics: ["frontend"] }), ["acme/web-ui"]);
  });
});

describe("linkEvidence", () => {
  it("points file evidence at the blob and lines of the scanned commit", () => {
    const finding = {
      ruleId: "r",
      evidence: [{ type: "repo", path: "svc/src/main.go", lineStart: 3, lineEnd: 5, snippet: "x" }],
    } as unknown as Finding;
    const [linked] = linkEvidence({ findings: [finding], webBaseUrl: "https://github.com/", fullName: "acme/api", sha: "abc123" });
    assert.equal((linked?.evidence[0] as { url?: string }).url, "https://github.com/acme/api/blob/abc123/svc/src/main.go#L3-L5");
  });
  it("derives the web base from the API base (github.com and Enterprise Server)", () => {
    assert.equal(webBaseFor({ apiBaseUrl: "https://api.github.com" }), "https://github.com");
    assert.equal(webBaseFor({ apiBaseUrl: "https://ghe.acme.test/api/v3" }), "https://ghe.acme.test");
  });
});
