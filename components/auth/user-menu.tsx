import { signOutAction } from "@/lib/actions/sign-out";
import type { Principal } from "@/lib/auth/principal";

/** Who is signed in, as the header shows it, with a sign-out button (local mode's single user has none). */
export function UserMenu({ principal }: { principal: Principal | null }) {
  if (!principal) return null;
  const teams = principal.teams ? ` of ${principal.teams.join(", ")}` : "";
  return (
    <div className="flex items-center gap-3 text-sm" data-testid="user-menu">
      <span className="text-slate-700 dark:text-slate-300">
        <span className="font-medium text-slate-900 dark:text-white" data-testid="user-name">
          {principal.name}
        </span>{" "}
        <span className="text-xs text-slate-600 dark:text-slate-300">
          ({principal.role}
          {teams})
        </span>
      </span>
      {principal.kind === "user" ? (
        <form action={signOutAction}>
          <button
            type="submit"
            className="rounded border border-slate-300 px-2 py-1 text-xs hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
          >
            Sign out
          </button>
        </form>
      ) : null}
    </div>
  );
}
