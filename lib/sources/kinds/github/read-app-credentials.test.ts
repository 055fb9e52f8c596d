import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { generateKeyPairSync } from "node:crypto";
import { readAppCredentials } from "@/lib/sources/kinds/github/read-app-credentials";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const app = { appIdEnv: "DOZEN_T_APP_ID", privateKeyEnv: "DOZEN_T_APP_KEY", installationIdEnv: "DOZEN_T_APP_INST" };

function withEnv<T>(vars: Record<string, string | undefined>, run: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(vars))
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  try {
    return run();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe("readAppCredentials", () => {
  it("reads the app id, the key (also pasted on one line with \\n escapes) and the installation id", () => {
    const oneLine = privateKey.trim().replaceAll("\n", "\\n");
    const read = withEnv({ DOZEN_T_APP_ID: "12345", DOZEN_T_APP_KEY: oneLine, DOZEN_T_APP_INST: "678" }, () => readAppCredentials({ app }));
    assert.deepEqual([read.appId, read.privateKey, read.installationId], ["12345", privateKey.trim(), 678]);
  });

  it("names the variable at fault and never echoes its value", () => {
    const cases: [Record<string, string | undefined>, RegExp][] = [
      [{ DOZEN_T_APP_ID: undefined }, /GitHub App id: environment variable DOZEN_T_APP_ID is not set/],
      [{ DOZEN_T_APP_ID: "not an id!" }, /DOZEN_T_APP_ID must hold the app's numeric id or client id/],
      [{ DOZEN_T_APP_KEY: "secret-but-not-a-key" }, /DOZEN_T_APP_KEY does not hold an RSA private key in PEM format/],
      [{ DOZEN_T_APP_INST: "acme" }, /DOZEN_T_APP_INST must hold a numeric installation id/],
    ];
    for (const [override, message] of cases) {
      const vars = { DOZEN_T_APP_ID: "12345", DOZEN_T_APP_KEY: privateKey, DOZEN_T_APP_INST: "678", ...override };
      withEnv(vars, () => assert.throws(() => readAppCredentials({ app }), message));
      const thrown = withEnv(vars, () => {
        try {
          readAppCredentials({ app });
        } catch (e) {
          return (e as Error).message;
        }
        return "";
      });
      assert.doesNotMatch(thrown, /secret-but-not-a-key|not an id!|BEGIN/);
    }
  });
});
