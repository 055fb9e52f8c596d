// GET /api/scans – moved: 308 to GET /api/v1/scans (same `limit`; the list is `items`, paged by cursor)
export const dynamic = "force-dynamic";

export function GET(request: Request): Response {
  return new Response(null, { status: 308, headers: { location: `/api/v1/scans${new URL(request.url).search}` } });
}
