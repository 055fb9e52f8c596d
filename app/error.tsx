"use client";

export default function ErrorBoundary({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="space-y-2">
      <h1 className="text-2xl font-semibold">Something went wrong</h1>
      <p className="text-sm">
        {error.digest ? `Reference ${error.digest}. ` : ""}Check that the database is reachable (/api/readyz), then try again.
      </p>
      <button type="button" onClick={reset} className="rounded bg-sky-700 px-3 py-1 text-white">
        Try again
      </button>
    </div>
  );
}
