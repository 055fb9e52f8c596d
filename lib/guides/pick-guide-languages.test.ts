import assert from "node:assert/strict";
import { test } from "node:test";
import type { Language } from "@/lib/facts/types";
import { pickGuideLanguages } from "@/lib/guides/pick-guide-languages";
import type { Evidence } from "@/lib/rules/types";

const repo = (path: string): Evidence => ({ type: "repo", path, lineStart: 1, lineEnd: 1, snippet: "" });
const cluster: Evidence = { type: "cluster", cluster: "prod", namespace: "shop", kind: "Deployment", name: "api", jsonPath: "spec" };

test("a guide speaks the evidence file's language first, then the service's, and nothing it does not know", () => {
  const table: [string, Evidence[], string[], Language[]][] = [
    ["a Java file in a Java and Kotlin service", [repo("src/main/java/Billing.java")], ["kotlin", "java"], ["java", "kotlin"]],
    ["a Dockerfile says nothing about the code", [repo("Dockerfile")], ["python"], ["python"]],
    ["application.properties neither", [repo("src/main/resources/application.properties")], ["java"], ["java"]],
    ["every evidence file, in order", [repo("entrypoint.sh"), repo("cmd/api/main.go")], [], ["shell", "go"]],
    ["a cluster object: the service's languages", [cluster], ["go"], ["go"]],
    ["names Dozen does not know are dropped", [], ["COBOL", "csharp"], ["csharp"]],
    ["nothing known", [repo("k8s/deploy.yaml")], [], []],
  ];
  for (const [name, evidence, languages, expected] of table) assert.deepEqual(pickGuideLanguages({ evidence, languages }), expected, name);
});
