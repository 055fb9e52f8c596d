const STYLES: Record<string, string> = {
  A: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  B: "bg-lime-100 text-lime-900 dark:bg-lime-900 dark:text-lime-100",
  C: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  D: "bg-orange-100 text-orange-900 dark:bg-orange-900 dark:text-orange-100",
  F: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

/** A letter grade as a badge; colour is backed by the letter itself for readers who do not see colour. */
export function GradeBadge({ grade }: { grade: string | null }) {
  const g = grade ?? "N/A";
  return (
    <span
      className={`inline-flex min-w-8 justify-center rounded px-1.5 py-0.5 text-xs font-bold ${STYLES[g] ?? "bg-slate-200 text-slate-800 dark:bg-slate-700 dark:text-slate-100"}`}
      aria-label={`Grade ${g}`}
    >
      {g}
    </span>
  );
}
