import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * The conversions `readRows` applies so that its rows are the ones `$queryRaw` gives for the same statement:
 * timestamps without a zone read as UTC (Prisma writes them so), dates as UTC midnight, int8 as bigint, numeric
 * as Prisma's Decimal; JSON parsed, arrays and the rest as node-postgres reads them. Without these, node-postgres
 * would read a `timestamp(3)` in the process's local time zone and an int8 as a string.
 */
const OID = { INT8: 20, NUMERIC: 1700, DATE: 1082, TIMESTAMP: 1114, TIMESTAMPTZ: 1184 } as const;

const parsers = new Map<number, (text: string) => unknown>([
  [OID.INT8, (text) => BigInt(text)],
  [OID.NUMERIC, (text) => new Prisma.Decimal(text)],
  [OID.DATE, (text) => new Date(`${text}T00:00:00Z`)],
  [OID.TIMESTAMP, (text) => new Date(`${text.replace(" ", "T")}Z`)],
  [OID.TIMESTAMPTZ, (text) => new Date(text.replace(" ", "T").replace(/([+-]\d{2})$/, "$1:00"))],
]);

export const READ_TYPES: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    const parse = format === "binary" ? undefined : parsers.get(oid);
    return parse ?? pg.types.getTypeParser(oid, format as "text");
  }) as pg.CustomTypesConfig["getTypeParser"],
};

/** A statement's parameter as Prisma's adapter sends it: a Date as its UTC wall-clock time, without a zone. */
export function toPgValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("T", " ").replace("Z", "");
  return value;
}
