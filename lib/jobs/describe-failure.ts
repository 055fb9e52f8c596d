/** pg-boss's output of the failed job: a serialised error (`message`, our `retryAt`) or `{ value }` for a timeout or shutdown. */
export function describeFailure(output: unknown): { reason: string; retryAt: Date | null } {
  const o = (output ?? {}) as { message?: unknown; retryAt?: unknown; value?: unknown };
  const inner = (typeof o.value === "object" && o.value !== null ? o.value : {}) as { message?: unknown };
  const message =
    typeof o.message === "string"
      ? o.message
      : typeof inner.message === "string"
        ? inner.message
        : typeof o.value === "string"
          ? o.value
          : null;
  const retryAt = typeof o.retryAt === "string" && Number.isFinite(Date.parse(o.retryAt)) ? new Date(o.retryAt) : null;
  return { reason: message ? `failed on every retry: ${message}` : "failed on every retry", retryAt };
}
