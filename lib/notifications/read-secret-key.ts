import { randomBytes } from "node:crypto";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import path from "node:path";
import { env, secretKeySetting, signInSettings } from "@/lib/env";
import { ValidationError } from "@/lib/errors";

/** The file local mode keeps its key in, inside DOZEN_DATA_DIR (0600), like the embedded database's password. */
export const SECRET_KEY_FILE = "secret-key";

/**
 * The 32-byte key channel credentials are sealed with: DOZEN_SECRET_KEY; else, in local mode (no sign-in), a
 * random key kept in DOZEN_DATA_DIR/secret-key, made on first use (the web and the worker read the same file;
 * whoever comes second reads the first one's). With sign-in and no DOZEN_SECRET_KEY there is no key: a
 * ValidationError says what to set, so no credential is ever stored under a key nobody configured. `dataDir`
 * (tests) stands for DOZEN_DATA_DIR.
 */
export function readSecretKey(opts: { dataDir?: string } = {}): Buffer {
  const given = secretKeySetting();
  if (given) return /^[0-9a-f]{64}$/i.test(given) ? Buffer.from(given, "hex") : Buffer.from(given, "base64");
  if (signInSettings())
    throw new ValidationError("DOZEN_SECRET_KEY is not set: notification channels need it to store their credentials encrypted", {
      fields: { url: "set DOZEN_SECRET_KEY (openssl rand -base64 32) on the web and worker processes first" },
    });
  // A directory known only at run time: not one for the build to trace into the server bundle.
  const dir = path.resolve(/* turbopackIgnore: true */ opts.dataDir ?? env().DOZEN_DATA_DIR);
  const file = path.join(dir, SECRET_KEY_FILE);
  mkdirSync(dir, { recursive: true });
  try {
    // `wx`: only one process ever writes the key; a second one finds it and reads it below.
    writeFileSync(file, `${randomBytes(32).toString("base64")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    if ((error as { code?: string }).code !== "EEXIST") throw error;
  }
  const key = Buffer.from(readFileSync(file, "utf8").trim(), "base64");
  if (key.length !== 32) throw new ValidationError(`${file} does not hold a 32-byte key: remove it, or set DOZEN_SECRET_KEY`);
  return key;
}
