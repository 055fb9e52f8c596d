/** A download link for the CSV of the table beside it, with the same filters as the page. */
export function CsvLink({
  table,
  params,
  label = "Export CSV",
}: {
  table: string;
  params?: Record<string, string | undefined>;
  label?: string;
}) {
  const query = new URLSearchParams(Object.entries(params ?? {}).filter((e): e is [string, string] => Boolean(e[1])));
  const href = `/api/export/${table}${query.size ? `?${query}` : ""}`;
  return (
    <a href={href} download className="text-sm text-sky-800 underline dark:text-sky-300">
      {label}
    </a>
  );
}
