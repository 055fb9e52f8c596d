import {
  ConflictError,
  ForbiddenError,
  httpStatusOf,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
  ValidationError,
} from "@/lib/errors";
import { createLogger } from "@/lib/log/logger";
import type { ApiErrorBody, ApiErrorCode } from "@/lib/api/schemas/common";

const log = createLogger({ process: "web" });

/** The code of a typed error (lib/errors.ts); anything else is a bug of ours, never shown as it came. */
function codeOf(error: unknown): ApiErrorCode {
  if (error instanceof ValidationError) return "invalid_request";
  if (error instanceof UnauthenticatedError) return "unauthenticated";
  if (error instanceof ForbiddenError) return "forbidden";
  if (error instanceof NotFoundError) return "not_found";
  if (error instanceof ConflictError) return "conflict";
  if (error instanceof TooManyRequestsError) return "rate_limited";
  return "internal";
}

/**
 * The v1 API's answer to a thrown error, the one place typed errors become statuses and error bodies:
 * 400 with every field's problem, 401 (nobody signed in), 403 (the role does not allow it), 404, 409, and
 * 500 for anything untyped, logged here and answered with a message that leaks no internals.
 */
export function apiErrorResponse(error: unknown): Response {
  const code = codeOf(error);
  if (code === "internal") log.error({ err: error }, "API request failed");
  const fields = error instanceof ValidationError && Object.keys(error.fields).length > 0 ? { ...error.fields } : undefined;
  const body: ApiErrorBody = {
    error: {
      code,
      message: code === "internal" ? "Dozen could not answer this request; the server log has the details." : (error as Error).message,
      ...(fields ? { fields } : {}),
    },
  };
  const retryAfter = error instanceof TooManyRequestsError ? { "retry-after": String(error.retryAfterSeconds) } : undefined;
  return Response.json(body, { status: httpStatusOf(error), ...(retryAfter ? { headers: retryAfter } : {}) });
}
