import type { Metadata } from "next";
import Link from "next/link";
import { countUnowned, listTeams } from "@/lib/teams/list-teams";
import { getTeamChanges } from "@/lib/teams/get-team-changes";
import { formatScore, scoreTone } from "@/components/ui/score-cell";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams" };

const signed = new Intl.NumberFormat("en", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const count = new Intl.NumberFormat("en");

export default async function TeamsPage() {
  const [teams, changes, unowned] = await Promise.all([listTeams(), getTeamChanges({ days: 30 }), countUnowned()]);
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Teams</h1>
        <CsvLink table="teams" />
      </div>
      {teams.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No team owns a scanned service yet. Owners come from ownership rules, catalog-info.yaml and CODEOWNERS.
        </p>
      ) : (
        <ul className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
          {teams.map((t) => (
            <li key={t.slug} data-testid="team-card">
              <Link href={`/teams/${t.slug}`} className={`block rounded p-3 ${scoreTone(t.score)}`}>
                <span className="font-semibold">{t.name}</span>
                <span className="block text-2xl font-semibold tabular-nums">{formatScore(t.score)}</span>
                <span className="text-xs">
                  {count.format(t.services)} services
                  {changes.has(t.slug) ? (
                    <span data-testid="team-change"> · {signed.format(changes.get(t.slug) ?? 0)} in 30 days</span>
                  ) : null}
                </span>
              </Link>
            </li>
          ))}
          {unowned > 0 ? (
            <li data-testid="unowned-card">
              <Link href="/?team=unowned" className="block rounded border border-dashed border-slate-400 p-3 dark:border-slate-600">
                <span className="font-semibold">Unowned</span>
                <span className="block text-2xl font-semibold tabular-nums" data-testid="unowned-count">
                  {count.format(unowned)}
                </span>
                <span className="text-xs">services no team owns: assign them, or add an ownership rule</span>
              </Link>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
