// POST /api/auth/sign-out – end the session (its row deleted, its cookie cleared), then the sign-in page
import { NextResponse } from "next/server";
import { SESSION_COOKIE } from "@/lib/auth/session-cookie";
import { signOut } from "@/lib/auth/sign-out";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  await signOut({ headers: request.headers });
  const response = NextResponse.redirect(new URL("/sign-in?signed-out=1", request.url), 303);
  response.cookies.set(SESSION_COOKIE, "", { maxAge: 0, path: "/", httpOnly: true, sameSite: "lax" });
  return response;
}
