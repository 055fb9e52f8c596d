import Link from "next/link";

/** "← Sources": the way back from a sub-page to its list, above the page's heading. */
export function BackLink({ href, label }: { href: string; label: string }) {
  return (
    <p className="text-sm">
      <Link href={href} className="text-sky-800 underline dark:text-sky-300">
        ← {label}
      </Link>
    </p>
  );
}
