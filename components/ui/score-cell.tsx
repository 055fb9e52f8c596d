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

/**
 * A heatmap cell (styled by `.heatmap td` in globals.css): the score, or a screen-reader "no score" where no
 * check applied. Its row and column headers name it, so it carries no label of its own.
 */
export function ScoreCell({ score }: { score: number | null | undefined }) {
  return (
    <td className={scoreTone(score)}>
      {score === undefined || score === null ? <span className="sr-only">no score</span> : formatScore(score)}
    </td>
  );
}
