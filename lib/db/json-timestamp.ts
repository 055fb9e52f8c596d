/**
 * A `timestamp(3)` column (Prisma's DateTime, stored in UTC without a zone) as PostgreSQL writes it into JSON,
 * "2026-12-06T06:23:59.534", read as the UTC instant it is (Date would read a zoneless string as local time).
 */
export function fromJsonTimestamp(value: string): Date {
  return new Date(/(Z|[+-]\d\d:?\d\d)$/.test(value) ? value : `${value}Z`);
}
