/**
 * A placeholder in the shape of the page that is loading: a title line and grey blocks of the heights the
 * real sections take, so nothing below jumps when the data arrives.
 */
export function PageSkeleton({ label, blocks }: { label: string; blocks: string[] }) {
  return (
    <div role="status" aria-live="polite" className="animate-pulse space-y-4 motion-reduce:animate-none">
      <span className="sr-only">Loading {label}…</span>
      <div className="h-8 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      {blocks.map((height, i) => (
        <div key={i} className={`${height} rounded bg-slate-200 dark:bg-slate-800`} />
      ))}
    </div>
  );
}
