// GET /api/v1/checks – the check catalogue, optionally one factor's
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listChecks } from "@/lib/api/list-checks";
import { readQuery } from "@/lib/api/read-request";
import { checkList, checkListQuery } from "@/lib/api/schemas/catalogue";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) =>
  jsonResponse({ request, schema: checkList, body: listChecks({ query: readQuery(request, checkListQuery) }) }),
);
