// GET /api/v1/services/{slug}/findings/{ruleId}/guide – a finding's remediation guide, loaded when it is opened
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams, readQuery } from "@/lib/api/read-request";
import { findingGuide, findingGuideParams, findingGuideQuery } from "@/lib/api/schemas/services";
import { getFindingGuide } from "@/lib/guides/get-finding-guide";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { slug, ruleId } = await readParams(context.params, findingGuideParams);
  const { origin } = readQuery(request, findingGuideQuery);
  return jsonResponse({ request, schema: findingGuide, body: await getFindingGuide({ slug, ruleId, origin }) });
});
