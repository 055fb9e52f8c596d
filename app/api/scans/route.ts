// GET /api/scans – recent scans with progress (polled by the dashboard while a scan runs)
import { NextResponse } from "next/server";
import { listRecentScans } from "@/lib/scans/list-recent-scans";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const limit = Number(new URL(request.url).searchParams.get("limit") ?? "20");
  const scans = await listRecentScans({ limit: Number.isFinite(limit) && limit > 0 ? limit : 20 });
  return NextResponse.json({ scans });
}
