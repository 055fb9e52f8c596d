// GET /api/v1/openapi.json – the v1 API's OpenAPI 3.1 document, generated from the handlers' zod schemas
import { apiRoute } from "@/lib/api/api-route";
import { openApiDocument } from "@/lib/api/openapi-document";

export const dynamic = "force-static";

export const GET = apiRoute(async () => Response.json(openApiDocument()));
