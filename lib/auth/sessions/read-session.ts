import { ROLES, type Principal, type Role } from "@/lib/auth/principal";
import { readSignedValue } from "@/lib/auth/signed-value";
import { sessionKey } from "@/lib/auth/sessions/create-session";
import { db } from "@/lib/db";

// lastSeenAt is a hint for people, not a clock: one write every few minutes per session is enough.
const TOUCH_EVERY_MS = 5 * 60_000;

/**
 * The principal of a session cookie, or null when there is none, its signature does not match (changed or
 * made up), or the session expired or was signed out.
 */
export async function readSession(opts: { cookie: string | undefined; secret: string; now?: Date }): Promise<Principal | null> {
  const id = readSignedValue({ signed: opts.cookie, secret: opts.secret });
  if (!id) return null;
  const now = opts.now ?? new Date();
  const key = sessionKey(id);
  const row = await db().session.findUnique({ where: { id: key } });
  if (!row || row.expiresAt <= now || !(ROLES as readonly string[]).includes(row.role)) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > TOUCH_EVERY_MS)
    await db().session.updateMany({ where: { id: key }, data: { lastSeenAt: now } });
  const role = row.role as Role;
  return {
    kind: "user",
    id: row.subject,
    name: row.name,
    role,
    ...(role === "maintainer" && row.teams.length > 0 ? { teams: row.teams } : {}),
  };
}
