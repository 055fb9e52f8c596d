// GET /api/heatmap – moved: 308 to GET /api/v1/services with the same filters and sort (page and size become limit and a cursor)
import { toServicesQuery } from "@/lib/heatmap/to-services-query";

export const dynamic = "force-dynamic";

// A relative Location (RFC 9110): the redirect stays on whatever host and scheme the caller used.
export function GET(request: Request): Response {
  const location = `/api/v1/services?${toServicesQuery({ queryString: new URL(request.url).search })}`;
  return new Response(null, { status: 308, headers: { location } });
}
