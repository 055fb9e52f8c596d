import type { ExemptionCounts } from "@/lib/exemptions/count-exemptions";

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "12 exemptions, 3 expire this week, 1 pending": nothing when there are none. */
export function ExemptionCount({ counts, href }: { counts: ExemptionCounts; href?: string }) {
  if (counts.active === 0 && counts.pending === 0) return null;
  const parts = [plural(counts.active, "exemption", "exemptions")];
  if (counts.expiringSoon > 0) parts.push(`${counts.expiringSoon} ${counts.expiringSoon === 1 ? "expires" : "expire"} this week`);
  if (counts.pending > 0) parts.push(`${counts.pending} pending approval`);
  const text = parts.join(", ");
  return (
    <span data-testid="exemption-count">
      {href ? (
        <a href={href} className="text-sky-800 underline dark:text-sky-300">
          {text}
        </a>
      ) : (
        text
      )}
    </span>
  );
}
