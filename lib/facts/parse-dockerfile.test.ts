import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseDockerfile } from "@/lib/facts/parse-dockerfile";
import { parseImageRef } from "@/lib/facts/parse-image-ref";

const parse = (text: string) => parseDockerfile({ path: "svc/Dockerfile", lines: text.split("\n") });

describe("parseImageRef", () => {
  const cases: [ref: string, tag: string | null, digest: string | null][] = [
    ["node:20-alpine", "20-alpine", null],
    ["node", null, null],
    ["node:20@sha256:abc123", "20", "sha256:abc123"],
    ["gcr.io/distroless/nodejs20@sha256:def", null, "sha256:def"],
    ["localhost:5000/team/api", null, null],
    ["localhost:5000/team/api:1.2.3", "1.2.3", null],
    ["builder", null, null],
  ];
  for (const [ref, tag, digest] of cases) {
    it(ref, () => assert.deepEqual(parseImageRef({ ref }), { tag, digest }));
  }
  it("resolves global ARG defaults", () => {
    assert.deepEqual(parseImageRef({ ref: "node:${NODE}-slim", vars: new Map([["NODE", "20"]]) }), { tag: "20-slim", digest: null });
  });
});

describe("parseDockerfile", () => {
  it("reads stages: platform flag, alias, digest, ARG-resolved tag, pre-FROM ARG in stage -1", () => {
    const { dockerfile } = parse(
      [
        "ARG NODE_VERSION=20",
        "FROM --platform=$BUILDPLATFORM node:${NODE_VERSION}-alpine AS build",
        "RUN npm ci",
        "",
        "FROM gcr.io/distroless/nodejs20@sha256:0123abcd",
        "COPY --from=build /app /app",
      ].join("\n"),
    );
    assert.deepEqual(dockerfile.stages, [
      { index: 0, image: "node:${NODE_VERSION}-alpine", tag: "20-alpine", digest: null, alias: "build", line: 2 },
      { index: 1, image: "gcr.io/distroless/nodejs20@sha256:0123abcd", tag: null, digest: "sha256:0123abcd", alias: null, line: 5 },
    ]);
    assert.deepEqual(
      dockerfile.instructions.map((i) => [i.keyword, i.stage, i.lineStart]),
      [
        ["ARG", -1, 1],
        ["FROM", 0, 2],
        ["RUN", 0, 3],
        ["FROM", 1, 5],
        ["COPY", 1, 6],
      ],
    );
  });

  const forms: [line: string, form: "exec" | "shell", argv: string[]][] = [
    ['CMD ["node", "server.js"]', "exec", ["node", "server.js"]],
    ["CMD node server.js", "shell", ["node server.js"]],
    ["CMD ['node', 'server.js']", "shell", ["['node', 'server.js']"]],
    ['ENTRYPOINT ["/sbin/tini", "--"]', "exec", ["/sbin/tini", "--"]],
    ['HEALTHCHECK --interval=30s CMD ["curl", "-f", "http://localhost/health"]', "exec", ["curl", "-f", "http://localhost/health"]],
    ["HEALTHCHECK CMD curl -f http://localhost/ || exit 1", "shell", ["curl -f http://localhost/ || exit 1"]],
  ];
  for (const [line, form, argv] of forms) {
    it(`${form} form: ${line}`, () => {
      const instruction = parse(`FROM alpine\n${line}`).dockerfile.instructions[1];
      assert.equal(instruction?.form, form);
      assert.deepEqual(instruction?.argv, argv);
    });
  }

  it("joins continuation lines, drops comments inside them, keeps the line range", () => {
    const { dockerfile } = parse(
      ["FROM debian", "RUN apt-get update && \\", "    # pinned", "    apt-get install -y curl", "USER app"].join("\n"),
    );
    const run = dockerfile.instructions[1];
    assert.equal(run?.args, "apt-get update && apt-get install -y curl");
    assert.deepEqual([run?.lineStart, run?.lineEnd], [2, 4]);
    assert.equal(dockerfile.instructions[2]?.lineStart, 5);
  });

  it("reads heredocs up to their terminator", () => {
    const { dockerfile } = parse(["FROM alpine", "RUN <<EOF", "echo one", "echo two", "EOF", 'CMD ["sh"]'].join("\n"));
    const run = dockerfile.instructions[1];
    assert.deepEqual([run?.lineStart, run?.lineEnd], [2, 5]);
    assert.match(run?.args ?? "", /echo one\necho two/);
    assert.equal(dockerfile.instructions[2]?.keyword, "CMD");
  });

  it("honours the backtick escape directive", () => {
    const { dockerfile } = parse(["# escape=`", "FROM mcr.microsoft.com/windows/servercore", "RUN dir `", "    c:\\"].join("\n"));
    assert.equal(dockerfile.instructions[1]?.args, "dir c:\\");
    assert.equal(dockerfile.instructions[1]?.lineEnd, 4);
  });

  it("reports a line that is not an instruction and keeps going", () => {
    const { dockerfile, problems } = parse(["FROM alpine", "RUN echo a", "&& echo b", "USER nobody"].join("\n"));
    assert.deepEqual(problems, ["line 3: not a Dockerfile instruction"]);
    assert.deepEqual(
      dockerfile.instructions.map((i) => i.keyword),
      ["FROM", "RUN", "USER"],
    );
  });

  it("lower-case keywords are normalised", () => {
    assert.equal(parse("from alpine\nexpose 8080").dockerfile.instructions[1]?.keyword, "EXPOSE");
  });
});
