import type { HeaderReader } from "@/lib/auth/resolve-principal";

/**
 * The address people open Dozen at, without a trailing slash: DOZEN_PUBLIC_URL when set, else what the
 * request says (X-Forwarded-Proto/-Host from a reverse proxy, else Host). A forged Host gains nothing: the
 * provider sends the user back only to a redirect URI registered for Dozen's client.
 */
export function publicBaseUrl(opts: { publicUrl: string | undefined; headers: HeaderReader; requestUrl: string }): string {
  if (opts.publicUrl) return opts.publicUrl.replace(/\/+$/, "");
  const own = new URL(opts.requestUrl);
  const first = (name: string) => opts.headers.get(name)?.split(",")[0]?.trim() || undefined;
  const proto = first("x-forwarded-proto") ?? own.protocol.replace(":", "");
  const host = first("x-forwarded-host") ?? first("host") ?? own.host;
  return `${proto === "https" ? "https" : "http"}://${host}`;
}
