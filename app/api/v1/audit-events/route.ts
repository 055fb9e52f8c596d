// GET /api/v1/audit-events – the audit log, newest first (admins only): filter by actor, action, target, from/to
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listAuditEventsPage } from "@/lib/api/list-audit-events-page";
import { readQuery } from "@/lib/api/read-request";
import { auditEventList, auditEventListQuery } from "@/lib/api/schemas/audit";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  async (request) => {
    const body = await listAuditEventsPage({ query: readQuery(request, auditEventListQuery) });
    return jsonResponse({ request, schema: auditEventList, body });
  },
  { role: "admin" },
);
