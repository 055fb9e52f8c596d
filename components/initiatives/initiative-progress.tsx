import type { ProgressState } from "@/lib/initiatives/project-progress";
import { plural } from "@/lib/text/plural";

const STATE: Record<ProgressState | "closed", { label: string; className: string }> = {
  done: { label: "Done", className: "border-emerald-700 text-emerald-900 dark:text-emerald-200" },
  onTrack: { label: "On track", className: "border-sky-700 text-sky-900 dark:text-sky-200" },
  atRisk: { label: "At risk", className: "border-amber-700 text-amber-900 dark:text-amber-200" },
  late: { label: "Late", className: "border-red-700 text-red-800 dark:text-red-300" },
  closed: { label: "Closed", className: "border-slate-500 text-slate-700 dark:text-slate-300" },
};

/** An initiative's (or a team's part's) state as a small labelled badge, in words, never colour alone. */
export function StateBadge({ state }: { state: ProgressState | "closed" }) {
  const s = STATE[state];
  return <span className={`rounded border px-1.5 py-0.5 text-xs font-medium whitespace-nowrap ${s.className}`}>{s.label}</span>;
}

/** "12 of 40 services" with a bar; the bar is a native meter-like element with its own accessible name. */
export function ProgressBar({ met, services, label }: { met: number; services: number; label: string }) {
  const percent = services === 0 ? 100 : Math.round((met / services) * 100);
  return (
    <div className="space-y-1">
      <div
        role="progressbar"
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${met} of ${plural(services, "service")} meet the goal`}
        className="h-2 w-full overflow-hidden rounded bg-slate-200 dark:bg-slate-800"
      >
        <div className="h-full bg-sky-700 dark:bg-sky-400" style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-slate-700 tabular-nums dark:text-slate-300">
        {met} of {plural(services, "service")} · {percent}%
      </p>
    </div>
  );
}
