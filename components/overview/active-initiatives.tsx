import Link from "next/link";
import { StateBadge } from "@/components/initiatives/initiative-progress";
import { formatDeadline } from "@/components/initiatives/initiative-list-item";
import { listInitiatives } from "@/lib/initiatives/list-initiatives";

/**
 * The overview's "Active initiatives": each open one's name (a link), progress and deadline, from the
 * initiatives' rollups. Its own server component with its own read, rendered in a Suspense boundary, so
 * it neither joins nor waits for the overview's one statement.
 */
export async function ActiveInitiatives() {
  const open = await listInitiatives({ open: true });
  if (open.length === 0) return null;
  return (
    <section aria-labelledby="initiatives-heading" className="space-y-2">
      <h2 id="initiatives-heading" className="font-semibold">
        <Link href="/initiatives" className="hover:underline">
          Active initiatives
        </Link>
      </h2>
      <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3" data-testid="active-initiatives">
        {open.slice(0, 6).map((i) => (
          <li
            key={i.slug}
            className="flex flex-wrap items-center gap-x-2 gap-y-1 rounded border border-slate-200 px-3 py-2 dark:border-slate-800"
          >
            <Link href={`/initiatives/${i.slug}`} className="font-medium text-sky-800 underline dark:text-sky-300">
              {i.name}
            </Link>
            <StateBadge state={i.state} />
            <span className="text-slate-700 tabular-nums dark:text-slate-300">
              {i.met}/{i.services} · by {formatDeadline(i.deadline)}
            </span>
          </li>
        ))}
      </ul>
      {open.length > 6 ? (
        <p className="text-sm">
          <Link href="/initiatives" className="text-sky-800 underline dark:text-sky-300">
            All {open.length} active initiatives
          </Link>
        </p>
      ) : null}
    </section>
  );
}
