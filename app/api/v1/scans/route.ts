// GET /api/v1/scans – scans newest first; POST /api/v1/scans – scan a source now ({ sourceId } → 202)
import { apiRoute } from "@/lib/api/api-route";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { jsonResponse } from "@/lib/api/json-response";
import { listScansPage } from "@/lib/api/list-scans-page";
import { readBody, readQuery } from "@/lib/api/read-request";
import { createScanBody, scanList, scanListQuery, scanSummary } from "@/lib/api/schemas/scans";
import { startScanRequest } from "@/lib/api/start-scan-request";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) => {
  const body = await listScansPage({ query: readQuery(request, scanListQuery) });
  return jsonResponse({ request, schema: scanList, body });
});

// 202 for a new scan, 200 with the scan already queued or running for that source: pressed twice, it scans once.
// A maintainer may (one limited to teams may not: a source's scan reaches every team it holds).
export const POST = apiRoute(
  async (request) => {
    const { sourceId } = await readBody(request, createScanBody);
    const { scan, created } = await startScanRequest({ sourceId, audit: await requestAuditContext({ request }) });
    const response = jsonResponse({ request, schema: scanSummary, body: scan, status: created ? 202 : 200 });
    response.headers.set("location", `/api/v1/scans/${scan.id}`);
    return response;
  },
  { role: "maintainer" },
);
