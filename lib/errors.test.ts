import assert from "node:assert/strict";
import { test } from "node:test";
import { describeError, DozenError, ValidationError } from "@/lib/errors";
import { serializeError } from "@/lib/log/logger";

const PEM = "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7secret\n-----END RSA PRIVATE KEY-----";

// Issue 14: a scan error is a fixed message, a status and a redacted detail, never raw content.
test("what may be stored, shown or logged of an error carries no header value, body, buffer or file line", () => {
  const headerEcho = new TypeError(`Headers.append: "token ${PEM}" is an invalid header value.`);
  const upstream = Object.assign(new Error("<html>internal admin page</html>"), { status: 502 });
  const yaml = Object.assign(new Error("bad indentation at line 2:\n  DATABASE_URL=postgres://u:hunter2@db"), {
    name: "YAMLException",
    mark: { buffer: "DATABASE_URL=postgres://u:hunter2@db\0GITHUB_TOKEN=ghp_x" },
  });
  const refused = Object.assign(new Error("fetch failed"), {
    cause: Object.assign(new Error("connect ECONNREFUSED 10.0.0.1:443"), { code: "ECONNREFUSED" }),
  });
  const cases: [unknown, string][] = [
    [headerEcho, "failed (TypeError)"],
    [upstream, "answered HTTP 502"],
    [yaml, "failed (YAMLException)"],
    [refused, "failed (ECONNREFUSED)"],
    [Object.assign(new Error("t"), { name: "TimeoutError" }), "timed out"],
    [
      new ValidationError("tokenEnv: DATABASE_URL is not a variable sources may name"),
      "tokenEnv: DATABASE_URL is not a variable sources may name",
    ],
    [
      Object.assign(new Error("wrapper says 500"), { status: 500, cause: new DozenError("refused to send a request to evil:1") }),
      "refused to send a request to evil:1",
    ],
    ["a thrown string with a secret hunter2", "failed (error)"],
  ];
  for (const [error, expected] of cases) {
    assert.equal(describeError(error), expected);
    const logged = JSON.stringify(serializeError(error));
    assert.doesNotMatch(logged, /PRIVATE KEY|hunter2|ghp_x|internal admin/, logged);
  }
  assert.equal(describeError(upstream, "listing acme's repositories failed"), "listing acme's repositories failed: answered HTTP 502");
});
