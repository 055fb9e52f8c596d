import type { HeaderReader } from "@/lib/auth/resolve-principal";
import { readCookie, SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { deleteSession } from "@/lib/auth/sessions/delete-session";
import { signInSettings } from "@/lib/env";

/** Ends the request's session: its row is deleted, so the cookie (the caller clears it) is worth nothing. */
export async function signOut(opts: { headers: HeaderReader }): Promise<void> {
  const settings = signInSettings();
  if (!settings) return;
  await deleteSession({ cookie: readCookie({ header: opts.headers.get("cookie"), name: SESSION_COOKIE }), secret: settings.sessionSecret });
}
