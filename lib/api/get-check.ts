import type { z } from "zod";
import { checkInfo, CHECKS } from "@/lib/rules/registry";
import { NotFoundError } from "@/lib/errors";
import type { checkInfoSchema } from "@/lib/api/schemas/catalogue";

/** `GET /api/v1/checks/{id}`: one check; NotFoundError for an unknown id. */
export function getCheck(opts: { id: string }): z.input<typeof checkInfoSchema> {
  const check = CHECKS.find((c) => c.id === opts.id);
  if (!check) throw new NotFoundError(`no check has the id "${opts.id}"`);
  return checkInfo(check);
}
