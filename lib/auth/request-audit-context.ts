import { headers as nextHeaders } from "next/headers";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { currentPrincipal } from "@/lib/auth/current-principal";
import { readRequestOrigin } from "@/lib/http/read-request-origin";

/**
 * Who is asking and from where, as a mutation records it in the audit log: a route handler passes its
 * `request`; a server action passes nothing and the request being served is read (next/headers).
 */
export async function requestAuditContext(opts: { request?: Request } = {}): Promise<AuditContext> {
  const headers = opts.request?.headers ?? (await nextHeaders());
  return { actor: await currentPrincipal({ headers }), origin: readRequestOrigin({ headers }) };
}
