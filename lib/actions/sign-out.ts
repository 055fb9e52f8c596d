"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { signOut } from "@/lib/auth/sign-out";

/** Server action of the header's "Sign out" button: the session ends on the server, then the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOut({ headers: await headers() });
  (await cookies()).set(SESSION_COOKIE, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax" });
  redirect("/sign-in?signed-out=1");
}
