import { test } from "node:test";
import assert from "node:assert/strict";
import { loadConfig } from "../src/config.js";
import { TEST_ENV } from "./fixtures.js";

test("loadConfig reads the environment", () => {
  const config = loadConfig(TEST_ENV);
  assert.equal(config.DATABASE_URL, "postgres://postgres:postgres@localhost:5432/identity_test");
  assert.equal(config.PORT, 0);
});

test("loadConfig rejects a missing DATABASE_URL", () => {
  assert.throws(() => loadConfig({ ...TEST_ENV, DATABASE_URL: undefined }));
});
