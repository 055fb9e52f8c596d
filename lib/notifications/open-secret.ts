import { createDecipheriv } from "node:crypto";
import { DozenError } from "@/lib/errors";

/**
 * Opens what sealSecret sealed. A wrong key (DOZEN_SECRET_KEY changed), another `context` or a tampered value
 * throws a DozenError that names none of it.
 */
export function openSecret(opts: { sealed: string; key: Buffer; context: string }): string {
  const [version, iv, tag, data] = opts.sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) throw new DozenError("a sealed credential is malformed");
  try {
    const decipher = createDecipheriv("aes-256-gcm", opts.key, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(opts.context));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new DozenError("a sealed credential does not open with DOZEN_SECRET_KEY (was the key changed?)");
  }
}
