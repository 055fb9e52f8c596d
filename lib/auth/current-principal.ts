import type { Principal } from "@/lib/auth/principal";
import { resolvePrincipal, type HeaderReader } from "@/lib/auth/resolve-principal";
import { UnauthenticatedError } from "@/lib/errors";

export { LOCAL_PRINCIPAL } from "@/lib/auth/resolve-principal";

/**
 * Who is asking, where someone must be (a mutation recording its actor in the audit log): the principal
 * resolvePrincipal finds (an API token, the signed-in user, local mode's admin), or UnauthenticatedError
 * (401). A mutation has checked the role already (requireRole), so this only names who passed.
 */
export async function currentPrincipal(opts: { headers: HeaderReader }): Promise<Principal> {
  const principal = await resolvePrincipal({ headers: opts.headers });
  if (!principal) throw new UnauthenticatedError();
  return principal;
}
