import { createCipheriv, randomBytes } from "node:crypto";

/**
 * Encrypts a credential (a webhook URL, a signing secret) with AES-256-GCM under `key`: `v1.<iv>.<tag>.<data>`,
 * base64url, a fresh 12-byte IV each time. `context` (the channel's kind) is authenticated, so a sealed value
 * moved to another column or kind does not open.
 */
export function sealSecret(opts: { plain: string; key: Buffer; context: string }): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", opts.key, iv);
  cipher.setAAD(Buffer.from(opts.context));
  const data = Buffer.concat([cipher.update(opts.plain, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}
