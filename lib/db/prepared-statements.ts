import { createHash } from "node:crypto";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Marks a statement to be kept prepared on each connection (`SELECT ${PREPARED} …`): PostgreSQL parses it once
 * per connection and, after five runs, may keep one generic plan instead of planning it again each time. For
 * the dashboard's page readers: one long statement each, with many subqueries, whose planning cost more than
 * running it (the service page's: 1.3 ms planned of 3 ms in PostgreSQL). Only statements whose text does not
 * depend on the input (no lists spliced in) carry the mark, so their number is fixed by the code.
 */
const MARK = "/* dozen:prepared */";
export const PREPARED = Prisma.raw(MARK);

/** A bound in case a marked statement's text does vary: past it, statements run unnamed as the rest do. */
const MAX_NAMES = 200;
const names = new Map<string, string>();

/**
 * The name node-postgres prepares a statement under (adapter-pg's statementNameGenerator): the hash of its text
 * for marked statements; "" for the rest (Prisma's own, whose text varies with list lengths), which node-postgres
 * and PostgreSQL take as the unnamed statement, parsed and planned each time.
 */
export function preparedStatementName(query: { sql: string }): string {
  if (!query.sql.includes(MARK)) return "";
  let name = names.get(query.sql);
  if (name === undefined && names.size < MAX_NAMES) {
    name = `dozen_${createHash("sha256").update(query.sql).digest("hex").slice(0, 24)}`;
    names.set(query.sql, name);
  }
  return name ?? "";
}
