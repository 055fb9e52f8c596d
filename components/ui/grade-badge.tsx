/**
 * A letter grade as a badge; colour is backed by the letter itself for readers who do not see colour. Styled
 * by `.grade-*` in globals.css: a heatmap repeats it on every row.
 */
export function GradeBadge({ grade }: { grade: string | null }) {
  const g = grade ?? "N/A";
  return (
    <span className={`grade grade-${/^[A-F]$/.test(g) ? g : "none"}`} aria-label={`Grade ${g}`}>
      {g}
    </span>
  );
}
