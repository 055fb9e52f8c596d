// POST /api/sources – add a source of any kind ({ kind, name, schedule, ...that kind's fields }), scheduled at once
import { addSourceResponse } from "@/lib/actions/add-source-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return addSourceResponse({ request });
}
