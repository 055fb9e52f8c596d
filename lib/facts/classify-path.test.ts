import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { classifyPath, type PathKind } from "@/lib/facts/classify-path";

const cases: [path: string, kind: PathKind, excluded: boolean][] = [
  ["Dockerfile", "dockerfile", false],
  ["docker/Dockerfile.prod", "dockerfile", false],
  ["build/api.dockerfile", "dockerfile", false],
  ["docker-compose.yml", "compose", false],
  ["compose.override.yaml", "compose", false],
  ["Procfile", "procfile", false],
  ["package.json", "dependency-manifest", false],
  ["requirements.txt", "dependency-manifest", false],
  ["requirements-dev.txt", "dependency-manifest", false],
  ["src/Api/Api.csproj", "dependency-manifest", false],
  ["build.gradle.kts", "dependency-manifest", false],
  ["package-lock.json", "lockfile", false],
  ["pnpm-lock.yaml", "lockfile", false],
  ["go.sum", "lockfile", false],
  ["k8s/deployment.yaml", "yaml", false],
  ["src/server.ts", "source", false],
  [".env", "config", false],
  [".env.production", "config", false],
  ["src/main/resources/application.properties", "config", false],
  ["src/main/resources/logback.xml", "config", false],
  ["src/main/resources/keys/signing.pem", "key", false],
  ["deploy/id_rsa", "key", false],
  ["src/Identity.API/tempkey.jwk", "key", false],
  ["README.md", "other", false],
  ["static/logo.png", "other", false],
  // tests, docs, vendored and sample code are listed but never read
  ["src/server.test.ts", "source", true],
  ["pkg/api/handler_test.go", "source", true],
  ["src/test/java/com/acme/AppTest.java", "source", true],
  ["tests/test_app.py", "source", true],
  ["app/test_models.py", "source", true],
  ["spec/models/user_spec.rb", "source", true],
  ["docs/deploy.yaml", "yaml", true],
  ["examples/.env", "config", true],
  // A package called sample inside a source tree is code (Spring PetClinic's org/springframework/samples).
  ["src/main/java/org/springframework/samples/petclinic/Owner.java", "source", false],
  ["samples/basic/Main.java", "source", true],
  ["vendor/github.com/x/y.go", "source", true],
  ["__tests__/Dockerfile", "dockerfile", true],
  ["Payments.Api.Tests/appsettings.json", "config", true],
  ["public/vendor.min.js", "source", true],
  ["third_party/lib/x.py", "source", true],
];

describe("classifyPath", () => {
  for (const [path, kind, excluded] of cases) {
    it(`${path} → ${kind}${excluded ? " (excluded)" : ""}`, () => {
      assert.deepEqual(classifyPath({ path }), { kind, excluded });
    });
  }
});
