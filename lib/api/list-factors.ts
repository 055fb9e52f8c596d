import type { z } from "zod";
import { FACTORS } from "@/lib/factors/factors";
import { CHECKS } from "@/lib/rules/registry";
import { slicePage } from "@/lib/api/slice-page";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { factorList } from "@/lib/api/schemas/catalogue";

/** `GET /api/v1/factors`: the factors in the methodology's order, each naming its checks. */
export function listFactors(opts: { query: PageQuery }): z.input<typeof factorList> {
  const factors = FACTORS.map((f) => ({ ...f, checks: CHECKS.filter((c) => c.factor === f.id).map((c) => c.id) }));
  return slicePage({ all: factors, query: opts.query });
}
