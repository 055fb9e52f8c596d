// GET /api/v1/initiatives/{slug} – one initiative; PATCH – change, close or reopen it; DELETE – delete it (admins)
import { apiRoute, type PathContext } from "@/lib/api/api-route";
import { initiativeJson } from "@/lib/api/initiative-json";
import { jsonResponse } from "@/lib/api/json-response";
import { readBody, readParams } from "@/lib/api/read-request";
import { initiativeSchema, updateInitiativeBody } from "@/lib/api/schemas/initiatives";
import { slugParams } from "@/lib/api/schemas/services";
import { requestAuditContext } from "@/lib/auth/request-audit-context";
import { NotFoundError } from "@/lib/errors";
import { deleteInitiative } from "@/lib/initiatives/delete-initiative";
import { getInitiativePage } from "@/lib/initiatives/get-initiative-page";
import { updateInitiative } from "@/lib/initiatives/update-initiative";

export const dynamic = "force-dynamic";

async function answer(request: Request, slug: string): Promise<Response> {
  const page = await getInitiativePage({ slug });
  if (!page) throw new NotFoundError(`no initiative "${slug}"`);
  return jsonResponse({ request, schema: initiativeSchema, body: initiativeJson(page.summary) });
}

export const GET = apiRoute(async (request, context: PathContext) => {
  const { slug } = await readParams(context.params, slugParams);
  return answer(request, slug);
});

export const PATCH = apiRoute(async (request, context: PathContext) => {
  const { slug } = await readParams(context.params, slugParams);
  const body = await readBody(request, updateInitiativeBody);
  await updateInitiative({ slug, input: body, audit: await requestAuditContext({ request }) });
  return answer(request, slug);
});

export const DELETE = apiRoute(async (request, context: PathContext) => {
  const { slug } = await readParams(context.params, slugParams);
  await deleteInitiative({ slug, audit: await requestAuditContext({ request }) });
  return new Response(null, { status: 204 });
});
