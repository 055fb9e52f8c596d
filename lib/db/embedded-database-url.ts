/** The embedded server's superuser; its password is random per data directory (`readEmbeddedPassword`). */
export const EMBEDDED_USER = "postgres";

/** URL of a database on the embedded PostgreSQL that `npm start` (or `npm run db`) runs. */
export function embeddedDatabaseUrl(opts: { port: number; password: string; database?: string }): string {
  const password = encodeURIComponent(opts.password);
  return `postgresql://${EMBEDDED_USER}:${password}@127.0.0.1:${opts.port}/${opts.database ?? "dozen"}`;
}
