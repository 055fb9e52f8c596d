import type { z } from "zod";
import { FACTORS } from "@/lib/factors/factors";
import { checkInfo, CHECKS } from "@/lib/rules/registry";
import { NotFoundError } from "@/lib/errors";
import { nextOffset, readOffset } from "@/lib/api/page-position";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { checkInfoSchema, checkList, factorList } from "@/lib/api/schemas/catalogue";

/** A page of a list held in memory (the catalogue is code, not rows). */
function pageOfArray<T>(all: readonly T[], query: PageQuery): { items: T[]; nextCursor: string | null } {
  const offset = readOffset(query.cursor);
  const items = all.slice(offset, offset + query.limit);
  return { items, nextCursor: nextOffset({ offset, returned: items.length, total: all.length }) };
}

/** `GET /api/v1/factors`: the factors in the methodology's order, each naming its checks. */
export function listFactors(opts: { query: PageQuery }): z.input<typeof factorList> {
  const factors = FACTORS.map((f) => ({ ...f, checks: CHECKS.filter((c) => c.factor === f.id).map((c) => c.id) }));
  return pageOfArray(factors, opts.query);
}

/** `GET /api/v1/checks`: the check catalogue (repository, cluster and drift checks), by factor then id. */
export function listChecks(opts: { query: PageQuery & { factor?: string } }): z.input<typeof checkList> {
  const checks = CHECKS.filter((c) => !opts.query.factor || c.factor === opts.query.factor).map(checkInfo);
  return pageOfArray(checks, opts.query);
}

/** `GET /api/v1/checks/{id}`: one check; NotFoundError for an unknown id. */
export function getCheck(opts: { id: string }): z.input<typeof checkInfoSchema> {
  const check = CHECKS.find((c) => c.id === opts.id);
  if (!check) throw new NotFoundError(`no check has the id "${opts.id}"`);
  return checkInfo(check);
}
