import type { z } from "zod";
import { checkInfo, CHECKS } from "@/lib/rules/registry";
import { slicePage } from "@/lib/api/slice-page";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { checkList } from "@/lib/api/schemas/catalogue";

/** `GET /api/v1/checks`: the check catalogue (repository, cluster and drift checks), by factor then id. */
export function listChecks(opts: { query: PageQuery & { factor?: string } }): z.input<typeof checkList> {
  const checks = CHECKS.filter((c) => !opts.query.factor || c.factor === opts.query.factor).map(checkInfo);
  return slicePage({ all: checks, query: opts.query });
}
