// GET /api/v1/factors – the factors Dozen audits, in the methodology's order, each with its checks' ids
import { apiRoute } from "@/lib/api/api-route";
import { jsonResponse } from "@/lib/api/json-response";
import { listFactors } from "@/lib/api/list-factors";
import { readQuery } from "@/lib/api/read-request";
import { factorList, factorListQuery } from "@/lib/api/schemas/catalogue";

export const dynamic = "force-dynamic";

export const GET = apiRoute(async (request) =>
  jsonResponse({ request, schema: factorList, body: listFactors({ query: readQuery(request, factorListQuery) }) }),
);
