import { createHash } from "node:crypto";
import type { z } from "zod";

/**
 * A v1 answer: the body passed through its response schema first (the contract the OpenAPI document
 * publishes, so a field the schema does not know never leaks and a shape that breaks it fails loudly), then
 * sent as JSON. Reads (GET) carry a weak ETag of the body and answer a matching `If-None-Match` with 304 and
 * no body: a poller or the CLI re-reading an unchanged page transfers nothing.
 */
export function jsonResponse<S extends z.ZodType>(opts: { request: Request; schema: S; body: z.input<S>; status?: number }): Response {
  const text = JSON.stringify(opts.schema.parse(opts.body));
  const headers = new Headers({ "content-type": "application/json" });
  if (opts.request.method !== "GET") return new Response(text, { status: opts.status ?? 200, headers });
  const etag = `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
  headers.set("etag", etag);
  // Always revalidate: the answer changes with every scan, and the ETag makes asking again cheap.
  headers.set("cache-control", "private, no-cache");
  if (matches(opts.request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(text, { status: opts.status ?? 200, headers });
}

/** If-None-Match holds this ETag (or `*`), compared weakly as RFC 9110 asks for GET. */
function matches(header: string | null, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, "");
  return header.split(",").some((t) => {
    const tag = t.trim();
    return tag === "*" || tag.replace(/^W\//, "") === bare;
  });
}
