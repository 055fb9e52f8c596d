import { headers } from "next/headers";
import type { Principal, Role } from "@/lib/auth/principal";
import { requireRole } from "@/lib/auth/require-role";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";

/**
 * requireRole for a server action, which answers its form rather than an HTTP status: the principal, or the
 * sentence to show when nobody is signed in or the role (or a maintainer's teams) does not allow it.
 */
export async function requireActionRole(opts: {
  role: Role;
  team?: string | null;
}): Promise<{ principal: Principal } | { refused: string }> {
  try {
    return { principal: await requireRole({ headers: await headers(), ...opts }) };
  } catch (error) {
    if (error instanceof UnauthenticatedError || error instanceof ForbiddenError) return { refused: error.message };
    throw error;
  }
}
