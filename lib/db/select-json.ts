import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Runs `SELECT <one JSON-valued expression>` and returns the value. Page queries are written as JSON
 * fragments (scalar subqueries) so one page can put all of its reads into one statement, and a single
 * reader can still run one of them alone.
 */
export async function selectJson<T>(sql: Prisma.Sql): Promise<T> {
  const [row] = await db().$queryRaw<{ v: T }[]>`SELECT ${sql} AS "v"`;
  return row?.v as T;
}
