import { apiErrorResponse } from "@/lib/api/api-error-response";
import type { Principal, Role } from "@/lib/auth/principal";
import { requireRole } from "@/lib/auth/require-role";

/** What Next hands a dynamic route: its path parameters, read by a schema (readParams), never trusted as typed. */
export type PathContext = { params: Promise<unknown> };

const READS = new Set(["GET", "HEAD"]);

/**
 * Every v1 route handler goes through here: first the caller's role is checked (401 for nobody, 403 for a
 * role below `role`: viewer for a read, admin for any change unless the route names a lower role), then
 * whatever the handler throws becomes the one error body (see apiErrorResponse). The handler gets the
 * principal, for whoever records who did what.
 */
export function apiRoute<C = unknown>(
  handle: (request: Request, context: C, principal: Principal) => Promise<Response>,
  opts: { role?: Role } = {},
) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      const role = opts.role ?? (READS.has(request.method.toUpperCase()) ? "viewer" : "admin");
      const principal = await requireRole({ headers: request.headers, role });
      return await handle(request, context, principal);
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}
