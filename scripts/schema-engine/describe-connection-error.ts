import { databaseName } from "./database-url";

/** A user-facing error in Prisma's catalogue (https://pris.ly/d/prisma-errors). */
export type KnownError = { errorCode?: string; message: string };

/** Maps a node-postgres connection failure to the error the native engine reports for it. */
export function describeConnectionError(err: unknown, url: string): KnownError {
  const e = err as { code?: string; message?: string };
  const u = new URL(url);
  const address = `${u.hostname || "localhost"}:${u.port || "5432"}`;
  switch (e.code) {
    case "3D000":
      return {
        errorCode: "P1003",
        message: `Database \`${databaseName(url)}\` does not exist on the database server at \`${address}\`.`,
      };
    case "28P01":
    case "28000":
      return {
        errorCode: "P1000",
        message:
          `Authentication failed against database server, the provided database credentials for ` +
          `\`${decodeURIComponent(u.username)}\` are not valid.\n\n` +
          `Please make sure to provide valid database credentials for the database server at the configured address.`,
      };
    case "ECONNREFUSED":
    case "ENOTFOUND":
    case "EHOSTUNREACH":
    case "ETIMEDOUT":
      return {
        errorCode: "P1001",
        message: `Can't reach database server at \`${address}\`\n\nPlease make sure your database server is running at \`${address}\`.`,
      };
    default:
      return { message: e.message ?? String(err) };
  }
}
