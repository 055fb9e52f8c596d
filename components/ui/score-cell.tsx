/** Background for a 0–100 score; text stays dark on light shades and light on dark ones for contrast. */
export function scoreTone(score: number | null | undefined): string {
  if (score === null || score === undefined) return "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300";
  if (score >= 90) return "bg-emerald-200 text-emerald-950 dark:bg-emerald-800 dark:text-white";
  if (score >= 75) return "bg-lime-200 text-lime-950 dark:bg-lime-800 dark:text-white";
  if (score >= 50) return "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-white";
  if (score >= 25) return "bg-orange-300 text-orange-950 dark:bg-orange-800 dark:text-white";
  return "bg-red-300 text-red-950 dark:bg-red-800 dark:text-white";
}

/** Formats a score for reading: one decimal at most, an en dash when nothing applied. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return "–";
  return new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(score);
}

export function ScoreCell({ score, label }: { score: number | null | undefined; label: string }) {
  return (
    <td className={`px-1 py-1 text-center text-xs tabular-nums ${scoreTone(score)}`} aria-label={`${label}: ${formatScore(score)}`}>
      {score === undefined ? "" : formatScore(score)}
    </td>
  );
}
