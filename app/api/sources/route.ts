// POST /api/sources – moved: 308 to POST /api/v1/sources, which takes { kind, name, schedule, config } (a 308 keeps method and body)
export const dynamic = "force-dynamic";

export function POST(): Response {
  return new Response(null, { status: 308, headers: { location: "/api/v1/sources" } });
}
