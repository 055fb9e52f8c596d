// GET /api/healthz – liveness: the web process is up and serving (no dependencies checked)
import { NextResponse } from "next/server";

export const dynamic = "force-dynamic";

export function GET() {
  return NextResponse.json({ status: "ok" });
}
