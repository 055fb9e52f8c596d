import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { it } from "node:test";
import { childEnv } from "@/lib/env";
import { ROOT, tsxArgs } from "@/lib/ops/bin-path";
import { isLoopback, refuseExposedWithoutSignIn, SIGN_IN_VARIABLES } from "@/lib/ops/refuse-exposed-without-sign-in";

it("without sign-in only loopback may be bound; with it, any address", () => {
  for (const host of ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"]) {
    assert.equal(isLoopback(host), true, host);
    assert.equal(refuseExposedWithoutSignIn({ host, signIn: false }), null, host);
  }
  for (const host of ["0.0.0.0", "::", "192.168.1.10", "dozen.internal", "128.0.0.1"]) {
    assert.equal(isLoopback(host), false, host);
    const refusal = refuseExposedWithoutSignIn({ host, signIn: false }) ?? "";
    for (const name of SIGN_IN_VARIABLES) assert.ok(refusal.includes(name), `${host}: names ${name}`);
    assert.equal(refuseExposedWithoutSignIn({ host, signIn: true }), null, host);
  }
});

// The processes a person starts: each refuses before doing anything else (no database, no build).
for (const script of ["scripts/web.ts", "scripts/start.ts"]) {
  it(`${script} with HOST=0.0.0.0 and no sign-in refuses to start, naming the variables to set`, () => {
    const run = spawnSync(process.execPath, tsxArgs(script), {
      cwd: ROOT,
      encoding: "utf8",
      timeout: 60_000,
      env: childEnv({
        HOST: "0.0.0.0",
        DOZEN_OIDC_ISSUER: undefined,
        DATABASE_URL: "postgres://nobody@127.0.0.1:9/none",
        LOG_LEVEL: "info",
      }),
    });
    assert.equal(run.status, 1, run.stderr);
    const output = `${run.stdout}${run.stderr}`;
    for (const name of SIGN_IN_VARIABLES) assert.ok(output.includes(name), `names ${name}: ${output}`);
    assert.match(output, /HOST=0\.0\.0\.0/);
  });
}
