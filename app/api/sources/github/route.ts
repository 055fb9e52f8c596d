// POST /api/sources/github – add a GitHub organisation (or user) as a source, scheduled at once
import { addSourceResponse } from "@/lib/actions/add-source-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return addSourceResponse({ request, kind: "github" });
}
