import type { ReactElement } from "react";
import { headers } from "next/headers";
import { requireRole } from "@/lib/auth/require-role";
import { ForbiddenError, UnauthenticatedError } from "@/lib/errors";

/**
 * The guard of an admin-only settings page, asked before it reads anything: null for an admin, else what the
 * page shows instead (its title and why not: signed out, or the role it lacks). Other errors go on.
 */
export async function adminRefusal({ title, what }: { title: string; what: string }): Promise<ReactElement | null> {
  try {
    await requireRole({ headers: await headers(), role: "admin" });
    return null;
  } catch (error) {
    if (!(error instanceof UnauthenticatedError || error instanceof ForbiddenError)) throw error;
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold">{title}</h1>
        <p role="alert">
          {error.message} {what} are managed by admins.
        </p>
      </div>
    );
  }
}
