import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { safeNext } from "@/lib/auth/oidc/start-sign-in";
import { readPagePrincipal } from "@/lib/auth/read-page-principal";
import { signInSettings } from "@/lib/env";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

const ERRORS: Record<string, string> = {
  refused: "The sign-in did not complete (it expired, was cancelled or was refused). Try again.",
  provider: "The identity provider could not be reached. Try again, or ask whoever runs Dozen.",
};

/** Where a visitor lands when sign-in is configured and nobody is signed in: one button to the identity provider. */
export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<{ next?: string; error?: string; "signed-out"?: string }>;
}) {
  const params = await searchParams;
  const next = safeNext(params.next);
  // Local mode has nobody to sign in; someone already signed in has nothing to do here.
  if (!signInSettings() || (await readPagePrincipal())) redirect(next);
  const error = params.error ? (ERRORS[params.error] ?? ERRORS.refused) : null;
  return (
    <div className="mx-auto max-w-md space-y-4 py-12 text-center">
      <h1 className="text-2xl font-semibold">Sign in to Dozen</h1>
      {params["signed-out"] ? <p role="status">You are signed out.</p> : null}
      {error ? (
        <p
          role="alert"
          className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
        >
          {error}
        </p>
      ) : null}
      <p className="text-sm text-slate-600 dark:text-slate-300">Dozen uses your company account; your groups decide what you may change.</p>
      {/* A plain link, not next/link: the route answers a redirect to the provider, for the browser itself. */}
      <a
        href={`/api/auth/sign-in?next=${encodeURIComponent(next)}`}
        className="inline-block rounded bg-sky-700 px-4 py-2 font-medium text-white hover:bg-sky-800"
      >
        Sign in with your company account
      </a>
    </div>
  );
}
