/** The database name a PostgreSQL URL selects (libpq's default when the path is empty: the user name). */
export function databaseName(url: string): string {
  const u = new URL(url);
  return decodeURIComponent(u.pathname.replace(/^\//, "")) || decodeURIComponent(u.username) || "postgres";
}

/** The same URL pointing at another database on the same server. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** `host:port/database`, for comparisons and messages (never the credentials). */
export function describeDatabase(url: string): string {
  const u = new URL(url);
  const host = u.hostname || new URLSearchParams(u.search).get("host") || "localhost";
  return `${host}:${u.port || "5432"}/${databaseName(url)}`;
}

/** The non-default schema a Prisma URL selects with `?schema=`, as the native engine honours it. */
export function schemaParam(url: string): string | undefined {
  return new URL(url).searchParams.get("schema") ?? undefined;
}

/** Quotes a PostgreSQL identifier. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
