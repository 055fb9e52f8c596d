import type { Role } from "@/lib/auth/principal";

/** What a page of changes shows someone whose role does not allow them (the action behind it refuses too). */
export function NeedsRole({ role, what }: { role: Role; what: string }) {
  return (
    <p
      role="alert"
      className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      {what} needs the <strong>{role}</strong> role. Ask whoever runs Dozen to add you to a group that gives it.
    </p>
  );
}
