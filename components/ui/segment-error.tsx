"use client";

import Link from "next/link";

/**
 * What a route segment shows when its data could not be read: what failed, what to check, and a retry that
 * re-renders only this segment (the navigation and the rest of the layout stay usable).
 */
export function SegmentError({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-2 rounded border border-red-200 bg-white p-4 dark:border-red-900 dark:bg-slate-900">
      <h1 className="text-xl font-semibold">Could not load {what}</h1>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {error.digest ? `Reference ${error.digest}. ` : ""}Check that the database is reachable (
        <a href="/api/readyz" className="underline">
          /api/readyz
        </a>
        ), then try again.
      </p>
      <div className="flex gap-3 text-sm">
        <button type="button" onClick={reset} className="rounded bg-sky-700 px-3 py-1 text-white hover:bg-sky-800">
          Try again
        </button>
        <Link href="/" className="self-center text-sky-800 underline dark:text-sky-300">
          Back to the overview
        </Link>
      </div>
    </div>
  );
}
