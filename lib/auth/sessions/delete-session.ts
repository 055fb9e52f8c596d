import { readSignedValue } from "@/lib/auth/signed-value";
import { sessionKey } from "@/lib/auth/sessions/create-session";
import { db } from "@/lib/db";

/** Signs a session out: its row is deleted, so its cookie, even a copy of it, signs nobody in again. */
export async function deleteSession(opts: { cookie: string | undefined; secret: string }): Promise<void> {
  const id = readSignedValue({ signed: opts.cookie, secret: opts.secret });
  if (id) await db().session.deleteMany({ where: { id: sessionKey(id) } });
}
