import { Prisma } from "@/lib/generated/prisma/client";
import { FACTORS } from "@/lib/factors/factors";

/**
 * `count(*) FILTER (WHERE <alias>."factors"[1] < 100)::int, …` for every factor: per factor, how many rows
 * of a group fail one of its checks. The definition of a fleet rollup's `failing`, wherever it is written.
 */
export function failingCountsSql(opts: { alias: "c" | "d" }): Prisma.Sql {
  return Prisma.raw(FACTORS.map((_, i) => `count(*) FILTER (WHERE ${opts.alias}."factors"[${i + 1}] < 100)::int`).join(", "));
}
