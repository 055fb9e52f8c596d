import type { Metadata } from "next";
import { headers } from "next/headers";
import { listApiTokens, type ApiTokenSummary } from "@/lib/auth/api-tokens/list-api-tokens";
import { createFormatters, readerLocale, type Formatters } from "@/components/sources/formatters";
import { adminRefusal } from "@/components/settings/admin-refusal";
import { CreateTokenForm } from "@/components/settings/create-token-form";
import { RevokeTokenButton } from "@/components/settings/revoke-token-button";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

function stateOf(t: ApiTokenSummary, now: Date): "active" | "revoked" | "expired" {
  return t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active";
}

function TokenRow({ t, f, now }: { t: ApiTokenSummary; f: Formatters; now: Date }) {
  const state = stateOf(t, now);
  return (
    <tr data-testid="token-row" className="border-t border-slate-200 align-top dark:border-slate-800">
      <th scope="row" className="py-2 pr-3 text-left font-medium">
        {t.name}
      </th>
      <td className="py-2 pr-3 font-mono text-xs">{t.prefix}…</td>
      <td className="py-2 pr-3">
        {t.role}
        {t.teams.length ? <span className="block text-xs text-slate-600 dark:text-slate-300">{t.teams.join(", ")}</span> : null}
      </td>
      <td className="py-2 pr-3">
        {f.dateTime(t.createdAt.toISOString())}
        <span className="block text-xs text-slate-600 dark:text-slate-300">by {t.createdBy}</span>
      </td>
      <td className="py-2 pr-3">{t.expiresAt ? f.dateTime(t.expiresAt.toISOString()) : "never"}</td>
      <td className="py-2 pr-3">
        {t.lastUsedAt ? (
          <>
            {f.relative(t.lastUsedAt.toISOString())}
            <span className="block text-xs text-slate-600 dark:text-slate-300">from {t.lastUsedFrom ?? "?"}</span>
          </>
        ) : (
          "never"
        )}
      </td>
      <td className="py-2 pr-3">{state}</td>
      <td className="py-2">{state === "active" ? <RevokeTokenButton id={t.id} name={t.name} /> : null}</td>
    </tr>
  );
}

export default async function TokensPage() {
  const refusal = await adminRefusal({ title: "API tokens", what: "API tokens" });
  if (refusal) return refusal;
  const requestHeaders = await headers();
  const now = new Date();
  const tokens = await listApiTokens();
  const f = createFormatters({ locale: readerLocale(requestHeaders.get("accept-language")), now });
  return (
    <div className="space-y-6">
      <div className="space-y-1">
        <h1 className="text-2xl font-semibold">API tokens</h1>
        <p className="text-sm text-slate-700 dark:text-slate-300">
          For the CLI, CI and scripts: sent as <code>Authorization: Bearer …</code>, with the role you give it. Dozen keeps only a hash of
          each token, so a token is shown once, when it is made. Admins can also use <code>npx dozen tokens</code>.
        </p>
      </div>
      <section aria-labelledby="new-token" className="space-y-3 rounded border border-slate-200 p-4 dark:border-slate-800">
        <h2 id="new-token" className="text-lg font-semibold">
          New token
        </h2>
        <CreateTokenForm />
      </section>
      <section aria-labelledby="all-tokens" className="space-y-2">
        <h2 id="all-tokens" className="text-lg font-semibold">
          Tokens
        </h2>
        {tokens.length === 0 ? (
          <p className="text-sm">No API tokens yet.</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="text-left text-xs text-slate-600 uppercase dark:text-slate-300">
                  {["Name", "Token", "Role", "Created", "Expires", "Last used", "State"].map((label) => (
                    <th key={label} scope="col" className="py-1 pr-3">
                      {label}
                    </th>
                  ))}
                  <th scope="col" className="py-1">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tokens.map((t) => (
                  <TokenRow key={t.id} t={t} f={f} now={now} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
