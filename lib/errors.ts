/**
 * Typed errors, mapped to HTTP statuses in one place (httpStatusOf) so route handlers stay thin.
 */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

export class ValidationError extends Error {
  override name = "ValidationError";
  /** Per field ("config.tokenEnv", or "form" for none), what is wrong with it; empty when the message says it all. */
  readonly fields: Readonly<Record<string, string>>;
  /** Every problem as "path: message" (list items by index), as an API answers them. */
  readonly issues: readonly string[];
  constructor(message: string, details: { fields?: Record<string, string>; issues?: string[] } = {}) {
    super(message);
    this.fields = details.fields ?? {};
    this.issues = details.issues ?? [];
  }
}

export class ConflictError extends Error {
  override name = "ConflictError";
}

/** HTTP status for an error thrown by lib code; anything unknown is a 500. */
export function httpStatusOf(error: unknown): number {
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ValidationError) return 400;
  if (error instanceof ConflictError) return 409;
  return 500;
}
