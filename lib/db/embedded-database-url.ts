/** Credentials of the loopback-only embedded server; it refuses connections from other hosts. */
export const EMBEDDED_USER = "postgres";
export const EMBEDDED_PASSWORD = "dozen-embedded";

/** URL of a database on the embedded PostgreSQL that `npm start` (or `npm run db`) runs. */
export function embeddedDatabaseUrl(opts: { port: number; database?: string }): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${opts.port}/${opts.database ?? "dozen"}`;
}
