import Link from "next/link";
import { ProgressBar, StateBadge } from "@/components/initiatives/initiative-progress";
import type { InitiativeSummary } from "@/lib/initiatives/initiative-summary";

const dayFormat = new Intl.DateTimeFormat("en", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" });

/** The deadline as a person reads it ("31 Mar 2027"); the day is UTC, as the rollups count it. */
export function formatDeadline(day: string): string {
  return dayFormat.format(new Date(`${day}T00:00:00Z`));
}

/** One initiative in a list: its name (the link), goal, state, progress and deadline. */
export function InitiativeListItem({ initiative: i }: { initiative: InitiativeSummary }) {
  return (
    <li data-testid="initiative" className="space-y-2 rounded border border-slate-200 p-3 dark:border-slate-800">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <Link href={`/initiatives/${i.slug}`} className="font-medium text-sky-800 underline dark:text-sky-300">
          {i.name}
        </Link>
        <StateBadge state={i.state} />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        {i.goalText} · by {formatDeadline(i.deadline)} · {i.owner}
      </p>
      <ProgressBar met={i.met} services={i.services} label={`${i.name}: progress`} />
    </li>
  );
}
