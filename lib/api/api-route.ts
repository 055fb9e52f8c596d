import { apiErrorResponse } from "@/lib/api/api-error-response";

/** What Next hands a dynamic route: its path parameters, read by a schema (readParams), never trusted as typed. */
export type PathContext = { params: Promise<unknown> };

/**
 * Every v1 route handler goes through here: whatever it throws becomes the one error body (see
 * apiErrorResponse). The place to add a check that applies to every call (a role, a token) when the API
 * gets authentication: one line here, not one per route.
 */
export function apiRoute<C = unknown>(handle: (request: Request, context: C) => Promise<Response>) {
  return async (request: Request, context: C): Promise<Response> => {
    try {
      return await handle(request, context);
    } catch (error) {
      return apiErrorResponse(error);
    }
  };
}
