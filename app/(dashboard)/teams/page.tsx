import type { Metadata } from "next";
import Link from "next/link";
import { listTeams } from "@/lib/teams/list-teams";
import { getTeamChanges } from "@/lib/teams/get-team-changes";
import { formatScore, scoreTone } from "@/components/ui/score-cell";
import { CsvLink } from "@/components/ui/csv-link";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Teams" };

const signed = new Intl.NumberFormat("en", { maximumFractionDigits: 1, signDisplay: "exceptZero" });
const count = new Intl.NumberFormat("en");

export default async function TeamsPage() {
  const [teams, changes] = await Promise.all([listTeams(), getTeamChanges({ days: 30 })]);
  return (
    <div className="space-y-4">
      <div className="flex items-baseline justify-between">
        <h1 className="text-2xl font-semibold">Teams</h1>
        <CsvLink table="teams" />
      </div>
      {teams.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">
          No team owns a scanned service yet. Owners come from catalog-info.yaml and CODEOWNERS.
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
        </ul>
      )}
    </div>
  );
}
