/**
 * Background for a 0–100 score (text stays dark on light shades and light on dark ones for contrast): a
 * `tone-*` class of globals.css, short because a heatmap repeats it for every cell, in the HTML and in
 * React's payload.
 */
export function scoreTone(score: number | null | undefined): string {
  if (score === null || score === undefined) return "tone-none";
  if (score >= 90) return "tone-a";
  if (score >= 75) return "tone-b";
  if (score >= 50) return "tone-c";
  if (score >= 25) return "tone-d";
  return "tone-f";
}

/** Formats a score for reading: one decimal at most, an en dash when nothing applied. */
export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined) return "–";
  return new Intl.NumberFormat("en", { maximumFractionDigits: 1 }).format(score);
}

export function ScoreCell({ score, label }: { score: number | null | undefined; label: string }) {
  return (
    <td className={`cell ${scoreTone(score)}`} aria-label={`${label}: ${formatScore(score)}`}>
      {score === undefined ? "" : formatScore(score)}
    </td>
  );
}
