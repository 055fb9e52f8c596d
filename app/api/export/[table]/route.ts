// GET /api/export/[table] – CSV of a dashboard table (services, teams, scans, sources, findings, checks)
import { NextResponse } from "next/server";
import { exportTable } from "@/lib/export/export-table";
import { httpStatusOf } from "@/lib/errors";

export const dynamic = "force-dynamic";

export async function GET(request: Request, context: { params: Promise<{ table: string }> }) {
  const { table } = await context.params;
  try {
    const csv = await exportTable({ table, params: new URL(request.url).searchParams });
    return new NextResponse(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="dozen-${table.replace(/[^a-z]/g, "")}.csv"`,
      },
    });
  } catch (error) {
    const status = httpStatusOf(error);
    return NextResponse.json({ error: status === 500 ? "export failed" : (error as Error).message }, { status });
  }
}
