// GET /api/v1/initiatives/{slug}/progress – an initiative's progress over time, per team, who is late and what is left
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { initiativeJson } from "@/lib/api/initiative-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readParams } from "@/lib/api/read-request";
import { initiativeProgress } from "@/lib/api/schemas/initiatives";
import { slugParams } from "@/lib/api/schemas/services";
import { NotFoundError } from "@/lib/errors";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request, context: PathContext) => {
  const { slug } = await readParams(context.params, slugParams);
  const page = await getInitiativePage({ slug });
  if (!page) throw new NotFoundError(`no initiative "${slug}"`);
  return jsonResponse({
    request,
    schema: initiativeProgress,
    body: {
      initiative: initiativeJson(page.summary),
      history: page.history,
      teams: page.teams.map(({ slug: team, ...t }) => ({ team, ...t })),
      late: page.late.map((t) => t.slug),
      left: page.left.map(({ slug: service, ...s }) => ({ service, ...s })),
      leftCount: page.leftCount,
    },
  });
});
