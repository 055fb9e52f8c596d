// GET /api/readyz – readiness: database reachable and all migrations applied (503 otherwise)
import { NextResponse } from "next/server";
import { checkReadiness } from "@/lib/ops/check-readiness";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await checkReadiness();
  return NextResponse.json(readiness, { status: readiness.ready ? 200 : 503 });
}
