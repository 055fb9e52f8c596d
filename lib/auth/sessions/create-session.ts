import { createHash, randomBytes } from "node:crypto";
import type { Principal } from "@/lib/auth/principal";
import { signValue } from "@/lib/auth/signed-value";
import { db } from "@/lib/db";

/** The id under which a session's random id is stored: its SHA-256, so the table alone signs nobody in. */
export function sessionKey(id: string): string {
  return createHash("sha256").update(id).digest("hex");
}

/**
 * Stores a new session for a user who just signed in and answers the cookie value that carries it: a random
 * 32-byte id, signed with the session secret. Sessions that expired are swept on the way.
 */
export async function createSession(opts: {
  user: { subject: string; email?: string; name: string; role: Principal["role"]; teams?: string[] };
  secret: string;
  ttlMs: number;
  now?: Date;
}): Promise<{ cookie: string; expiresAt: Date }> {
  const now = opts.now ?? new Date();
  const id = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + opts.ttlMs);
  await db().session.deleteMany({ where: { expiresAt: { lte: now } } });
  await db().session.create({
    data: {
      id: sessionKey(id),
      subject: opts.user.subject,
      email: opts.user.email ?? null,
      name: opts.user.name,
      role: opts.user.role,
      teams: opts.user.role === "maintainer" ? (opts.user.teams ?? []) : [],
      createdAt: now,
      lastSeenAt: now,
      expiresAt,
    },
  });
  return { cookie: signValue({ value: id, secret: opts.secret }), expiresAt };
}
