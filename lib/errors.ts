/**
 * Typed errors, mapped to HTTP statuses in one place (httpStatusOf) so route handlers stay thin.
 */

/**
 * An error whose message Dozen wrote itself, from names, paths and statuses it chose to show, never from
 * what an upstream answered or a file held: the only kind of message `describeError` passes on.
 */
export class DozenError extends Error {
  override name = "DozenError";
}

export class NotFoundError extends DozenError {
  override name = "NotFoundError";
}

export class ValidationError extends DozenError {
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

export class ConflictError extends DozenError {
  override name = "ConflictError";
}

/** Too many failed attempts from one caller (bearer tokens, sign-in): 429 with a Retry-After. */
export class TooManyRequestsError extends DozenError {
  override name = "TooManyRequestsError";
  readonly retryAfterSeconds: number;
  constructor(message: string, details: { retryAfterSeconds: number }) {
    super(message);
    this.retryAfterSeconds = details.retryAfterSeconds;
  }
}

/** Nobody is signed in (no session, an expired or tampered one, no valid API token) where someone must be. */
export class UnauthenticatedError extends DozenError {
  override name = "UnauthenticatedError";
  constructor(message = "Sign in first: this needs a signed-in user or an API token.") {
    super(message);
  }
}

/** Someone is signed in, but their role (or their teams) does not allow this. */
export class ForbiddenError extends DozenError {
  override name = "ForbiddenError";
}

/**
 * One target's collection went past a bound of the process it runs in (wall time, memory): the process was
 * stopped, the target fails with this reason, naming the bound and its setting. Retrying would only hit it again.
 */
export class TargetLimitError extends DozenError {
  override name = "TargetLimitError";
  readonly setting: string;
  constructor(message: string, details: { setting: string }) {
    super(message);
    this.setting = details.setting;
  }
}

/** HTTP status for an error thrown by lib code; anything unknown is a 500. */
export function httpStatusOf(error: unknown): number {
  if (error instanceof UnauthenticatedError) return 401;
  if (error instanceof ForbiddenError) return 403;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ValidationError) return 400;
  if (error instanceof ConflictError) return 409;
  if (error instanceof TooManyRequestsError) return 429;
  return 500;
}

// Long enough for a list of field problems, short enough that no file or answer fits behind one.
const MAX_MESSAGE = 1000;

/**
 * What may be stored, shown or logged of an error: a DozenError's own message; otherwise only what is
 * known to carry no content: an HTTP status, a timeout, a system error code (ECONNREFUSED) or the error's
 * class. Never another error's message: it may hold an upstream body, a header value (a PEM echoed by an
 * invalid-header TypeError), a parser's buffer or a file's lines. `context` opens the sentence ("listing
 * acme's repositories failed").
 */
export function describeError(error: unknown, context?: string): string {
  const detail = detailOf(error);
  return context ? `${context}: ${detail}` : detail;
}

function detailOf(error: unknown): string {
  if (error instanceof DozenError) return error.message.slice(0, MAX_MESSAGE);
  // A client's wrapper around Dozen's own refusal (Octokit reports a fetch that threw as HTTP 500).
  const cause = (error as { cause?: unknown } | null)?.cause;
  if (cause instanceof DozenError) return cause.message.slice(0, MAX_MESSAGE);
  const e = (typeof error === "object" && error !== null ? error : {}) as {
    name?: unknown;
    status?: unknown;
    code?: unknown;
    cause?: unknown;
  };
  if (typeof e.status === "number" && e.status >= 100 && e.status < 600) return `answered HTTP ${e.status}`;
  if (e.name === "TimeoutError" || e.name === "AbortError") return "timed out";
  const code = codeOf(e) ?? codeOf(e.cause);
  if (code) return `failed (${code})`;
  const name = typeof e.name === "string" && /^[A-Za-z]{1,40}$/.test(e.name) ? e.name : "error";
  return `failed (${name})`;
}

function codeOf(value: unknown): string | null {
  const code = (typeof value === "object" && value !== null ? (value as { code?: unknown }).code : undefined) ?? null;
  return typeof code === "string" && /^[A-Z][A-Z0-9_]{1,40}$/.test(code) ? code : null;
}
