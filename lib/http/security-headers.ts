/**
 * The security headers of every answer. The Content-Security-Policy allows scripts only from Dozen itself
 * and inline ones carrying this request's nonce (Next.js puts it on its own scripts), images only from
 * Dozen (no tracking pixel from a scanned file name), no framing, no plugins, forms posting only to Dozen.
 * Inline styles stay allowed: React's `style` attributes (chart bars) need them and a style cannot run code.
 * HSTS only when the request came over TLS (directly or as `x-forwarded-proto: https` from a proxy): sent
 * over plain http it would be ignored, and a laptop's http://localhost must keep working.
 */
export function securityHeaders(opts: { nonce: string; https: boolean; dev?: boolean }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    // Next's dev server evaluates its hot-reload code; a production build never does.
    `script-src 'self' 'nonce-${opts.nonce}'${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self'",
    "font-src 'self'",
    `connect-src 'self'${opts.dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
  return {
    "content-security-policy": csp,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
    ...(opts.https ? { "strict-transport-security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/** A fresh nonce for one response's CSP: 128 random bits, base64. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
