// GET /api/docs – the v1 API's reference as one self-contained HTML page, rendered from its OpenAPI document
import { openApiDocument } from "@/lib/api/openapi-document";
import { renderApiDocs } from "@/lib/api/render-api-docs";

export const dynamic = "force-static";

export function GET() {
  return new Response(renderApiDocs(openApiDocument() as Parameters<typeof renderApiDocs>[0]), {
    headers: { "content-type": "text/html; charset=utf-8" },
  });
}
