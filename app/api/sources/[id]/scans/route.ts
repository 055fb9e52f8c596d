// POST /api/sources/[id]/scans – scan a source now (returns the queued or already running scan)
import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { requestScan } from "@/lib/persistence/scan-run/request-scan";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.coerce.number().int().positive() });

export async function POST(_request: Request, context: { params: Promise<{ id: string }> }) {
  const parsed = params.safeParse(await context.params);
  if (!parsed.success) return NextResponse.json({ error: "source id must be a positive integer" }, { status: 400 });
  // A deleted source is history: it is not scanned again.
  const source = await db().source.findFirst({ where: { id: parsed.data.id, deletedAt: null }, select: { id: true } });
  if (!source) return NextResponse.json({ error: "no such source" }, { status: 404 });
  const result = await requestScan({ boss: await getWebBoss(), sourceId: source.id, trigger: "manual" });
  return NextResponse.json(result, { status: result.alreadyRunning ? 200 : 202 });
}
