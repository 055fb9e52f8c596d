import assert from "node:assert/strict";
import { test } from "node:test";
import { plural, pluralNoun } from "@/lib/text/plural";

test("a count agrees with its noun: Intl.PluralRules picks the form, suffix rules and the irregular table make it", () => {
  const table: [number, string, string][] = [
    [1, "file", "1 file"],
    [0, "file", "0 files"],
    [2, "file", "2 files"],
    [1, "dependency", "1 dependency"],
    [3, "dependency", "3 dependencies"],
    [2, "key", "2 keys"],
    [2, "gateway", "2 gateways"],
    [2, "proxy", "2 proxies"],
    [2, "process", "2 processes"],
    [2, "box", "2 boxes"],
    [2, "match", "2 matches"],
    [2, "mesh", "2 meshes"],
    [2, "Service", "2 Services"],
    [2, "build step", "2 build steps"],
    [2, "gRPC service", "2 gRPC services"],
    [2, "graceful-shutdown gap", "2 graceful-shutdown gaps"],
    [2, "URL", "2 URLs"],
    [2, "child", "2 children"],
    [2, "Child", "2 Children"],
    [2, "analysis", "2 analyses"],
    [2, "repo", "2 repos"],
    [2, "tomato", "2 tomatoes"],
    [2, "metadata", "2 metadata"],
    [1200, "place", "1,200 places"],
    [1.5, "place", "1.5 places"],
  ];
  for (const [count, noun, expected] of table) assert.equal(plural(count, noun), expected, `${count} ${noun}`);
});

test("a verb agrees with the count it follows", () => {
  const table: [number, string, string, string][] = [
    [1, "file", "lack", "1 file lacks"],
    [2, "file", "lack", "2 files lack"],
    [1, "workload", "declare", "1 workload declares"],
    [1, "command", "exec", "1 command execs"],
    [1, "Service", "use", "1 Service uses"],
    [1, "container", "are", "1 container is"],
    [3, "container", "are", "3 containers are"],
    [1, "check", "have", "1 check has"],
    [1, "process", "pass", "1 process passes"],
    [1, "task", "go", "1 task goes"],
  ];
  for (const [count, noun, verb, expected] of table) assert.equal(plural(count, noun, { verb }), expected, expected);
});

test("a noun's plural alone, for a phrase that puts the count elsewhere", () => {
  assert.equal(pluralNoun("policy"), "policies");
  assert.equal(pluralNoun("deploy path"), "deploy paths");
});
