// GET /api/export/audit – the audit log as CSV (admins only), with the filters of /audit and GET /api/v1/audit-events
import { NextResponse } from "next/server";
import { auditFilterOf } from "@/lib/api/audit-filter-of";
import { readQuery } from "@/lib/api/read-request";
import { auditEventListQuery } from "@/lib/api/schemas/audit";
import { requireRole } from "@/lib/auth/require-role";
import { httpStatusOf } from "@/lib/errors";
import { exportAuditEvents } from "@/lib/export/export-audit-events";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  try {
    await requireRole({ headers: request.headers, role: "admin" });
    const query = readQuery(request, auditEventListQuery.omit({ limit: true, cursor: true }));
    const csv = await exportAuditEvents({ filter: auditFilterOf(query) });
    return new NextResponse(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="dozen-audit.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    const status = httpStatusOf(error);
    return NextResponse.json({ error: status === 500 ? "export failed" : (error as Error).message }, { status });
  }
}
