import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseCompose } from "@/lib/facts/parse-compose";

const TEXT = `x-common: &common
  restart: unless-stopped
  environment:
    TZ: UTC
services:
  api:
    build: .
    ports:
      - "8080:8080"
      - target: 9090
        published: 19090
    environment:
      - NODE_ENV=production
      - DATABASE_URL=postgres://db:5432/app
      - DEBUG
    volumes:
      - ./data:/data
  db:
    <<: *common
    image: postgres:16@sha256:abcd
  cache:
    image: redis:7
    environment:
      MAXMEMORY: 256mb
      EMPTY:
`;

describe("parseCompose", () => {
  const { compose, problems } = parseCompose({ path: "docker-compose.yml", text: TEXT });

  it("parses without problems", () => assert.deepEqual(problems, []));

  it("reads services with their lines, image and build flag", () => {
    assert.deepEqual(
      compose?.services.map((s) => [s.name, s.line, s.image, s.build]),
      [
        ["api", 6, null, true],
        ["db", 18, "postgres:16@sha256:abcd", false],
        ["cache", 21, "redis:7", false],
      ],
    );
  });

  const envCases: [service: string, env: { key: string; value: string | null; line: number }[]][] = [
    [
      "api",
      [
        { key: "NODE_ENV", value: "production", line: 13 },
        { key: "DATABASE_URL", value: "postgres://db:5432/app", line: 14 },
        { key: "DEBUG", value: null, line: 15 },
      ],
    ],
    // From the merged anchor: no line of its own inside the service, so the service's line.
    ["db", [{ key: "TZ", value: "UTC", line: 18 }]],
    [
      "cache",
      [
        { key: "MAXMEMORY", value: "256mb", line: 24 },
        { key: "EMPTY", value: null, line: 25 },
      ],
    ],
  ];
  for (const [service, env] of envCases) {
    it(`environment of ${service}`, () => assert.deepEqual(compose?.services.find((s) => s.name === service)?.environment, env));
  }

  it("renders ports and volumes in short form", () => {
    const api = compose?.services[0];
    assert.deepEqual(api?.ports, ["8080:8080", "19090:9090"]);
    assert.deepEqual(api?.volumes, ["./data:/data"]);
  });

  const broken: [name: string, text: string, problem: RegExp][] = [
    ["invalid YAML", "services:\n  api: [\n", /.+/],
    ["no services", "version: '3'\n", /no services map/],
  ];
  for (const [name, text, problem] of broken) {
    it(`${name} → null with a one-line problem`, () => {
      const out = parseCompose({ path: "compose.yaml", text });
      assert.equal(out.compose, null);
      assert.match(out.problems[0] ?? "", problem);
      assert.doesNotMatch(out.problems[0] ?? "", /\n/);
    });
  }
});
