import "server-only";
import { httpStatusOf, ValidationError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { registerSource } from "@/lib/sources/register-source";

/**
 * What the add-source API answers for a request body: 201 with the source (scheduled at once), 400 with
 * every issue by its field, 409 for a taken name. Shared by `POST /api/sources` (the kind in the body) and
 * the per-kind routes that predate it.
 */
export async function addSourceResponse(opts: { request: Request; kind?: string }): Promise<Response> {
  const body = (await opts.request.json().catch(() => null)) as Record<string, unknown> | null;
  if (!body || typeof body !== "object" || Array.isArray(body))
    return Response.json({ error: "invalid source", issues: ["body: a JSON object"] }, { status: 400 });
  const { kind: named, ...input } = body;
  try {
    const source = await registerSource({ kind: opts.kind ?? String(named ?? ""), input, boss: await getWebBoss() });
    return Response.json({ source: { id: source.id, schedule: source.schedule } }, { status: 201 });
  } catch (error) {
    if (error instanceof ValidationError && error.issues.length > 0)
      return Response.json({ error: "invalid source", issues: error.issues }, { status: 400 });
    const status = httpStatusOf(error);
    return Response.json({ error: status === 500 ? "could not add the source" : (error as Error).message }, { status });
  }
}
