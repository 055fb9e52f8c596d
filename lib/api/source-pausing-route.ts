import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { setSourcePaused } from "@/lib/sources/set-source-paused";
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { getSourceById } from "@/lib/api/get-source-by-id";
import { readParams } from "@/lib/api/read-request";
import { idParams } from "@/lib/api/schemas/scans";
import { sourceSchema } from "@/lib/api/schemas/sources";

/**
 * The handler of `POST /api/v1/sources/{id}/pause` or `/resume`: pausing removes the source's cron entry
 * (scan now still works), resuming registers its schedule again; both idempotent, both answer the source.
 */
export function sourcePausingRoute(opts: { paused: boolean }) {
  return apiRoute(async (request, context: PathContext) => {
    const { id } = await readParams(context.params, idParams);
    const audit = await requestAuditContext({ request });
    await setSourcePaused({ sourceId: id, paused: opts.paused, boss: await getWebBoss(), audit });
    return jsonResponse({ request, schema: sourceSchema, body: await getSourceById({ id }) });
  });
}
