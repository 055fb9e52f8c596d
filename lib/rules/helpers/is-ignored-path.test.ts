import assert from "node:assert/strict";
import { test } from "node:test";
import { isIgnoredPath, isTestPath, pathInService } from "@/lib/rules/helpers/is-ignored-path";

const cases: [path: string, test: boolean, ignored: boolean][] = [
  ["src/server.ts", false, false],
  ["src/server.test.ts", true, true],
  ["tests/test_config.py", true, true],
  ["app/test_views.py", true, true],
  ["internal/db/db_test.go", true, true],
  ["src/test/java/com/acme/AppTest.java", true, true],
  ["Orders.Tests/OrdersTests.cs", true, true],
  ["spec/models/order_spec.rb", true, true],
  ["docs/setup.md", false, true],
  ["examples/client.js", false, true],
  ["node_modules/express/index.js", false, true],
  ["vendor/github.com/x/y.go", false, true],
  ["dist/server.js", false, true],
  ["latest/contest.py", false, false],
];

for (const [path, testPath, ignored] of cases) {
  test(path, () => {
    assert.equal(isTestPath(path), testPath, "isTestPath");
    assert.equal(isIgnoredPath(path), ignored, "isIgnoredPath");
  });
}

test("paths are judged inside the service, so a service under examples/ is scanned", () => {
  assert.equal(pathInService("examples/fleet/api", "examples/fleet/api/src/a.ts"), "src/a.ts");
  assert.equal(isIgnoredPath(pathInService("examples/fleet/api", "examples/fleet/api/src/a.ts")), false);
  assert.equal(pathInService(".", "src/a.ts"), "src/a.ts");
});

test("a package called sample inside a source tree is code; a samples folder is not", () => {
  assert.equal(isIgnoredPath("src/main/java/org/springframework/samples/petclinic/OwnerController.java"), false);
  assert.equal(isIgnoredPath("src/main/java/com/amazon/sample/carts/CartsApplication.java"), false);
  assert.equal(isIgnoredPath("samples/quickstart/Main.java"), true);
  assert.equal(isIgnoredPath("docs/examples/server.js"), true);
});
