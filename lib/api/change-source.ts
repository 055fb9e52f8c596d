import type { z } from "zod";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { ValidationError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { getSourceInput } from "@/lib/sources/get-source-input";
import { updateSource } from "@/lib/sources/update-source";
import { toApiValidationError, toKindInput } from "@/lib/api/source-config";
import type { updateSourceBody } from "@/lib/api/schemas/sources";

/**
 * `PATCH /api/v1/sources/{id}`: changes a source through updateSource (the kind's schema and the server's
 * checks, as on create; its cron entry follows the new schedule). Config keys merge one by one, `null`
 * drops one back to its default. NotFoundError for an unknown or deleted source.
 */
export async function changeSource(opts: { id: number; body: z.output<typeof updateSourceBody>; audit: AuditContext }): Promise<void> {
  const { kind: kindName } = await getSourceInput({ id: opts.id });
  const kind = findSourceKind(kindName);
  if (!kind) throw new ValidationError(`sources of kind "${kindName}" cannot be changed by this version`);
  try {
    await updateSource({ sourceId: opts.id, changes: toKindInput(kind, opts.body), boss: await getWebBoss(), audit: opts.audit });
  } catch (error) {
    throw error instanceof ValidationError ? toApiValidationError(kind, error) : error;
  }
}
