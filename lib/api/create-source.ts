import type { z } from "zod";
import type { AuditContext } from "@/lib/audit/record-audit-event";
import { ValidationError } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { findSourceKind } from "@/lib/sources/kinds/registry";
import { registerSource } from "@/lib/sources/register-source";
import { toApiValidationError, toKindInput } from "@/lib/api/source-config";
import type { createSourceBody } from "@/lib/api/schemas/sources";

/**
 * `POST /api/v1/sources`: adds the source through registerSource (the kind's schema and the server's own
 * checks, scheduled at once) and answers its id. The kind's refusals name fields as the API body has them
 * ("config.owner", not the kind's internal "owner"). The `source.create` event commits with the row.
 */
export async function createSource(opts: { body: z.output<typeof createSourceBody>; audit: AuditContext }): Promise<{ id: number }> {
  const { kind: kindName, ...body } = opts.body as { kind: string } & Record<string, unknown>;
  const kind = findSourceKind(kindName);
  if (!kind) throw new ValidationError(`unknown source kind "${kindName}"`, { fields: { kind: "not a kind of source Dozen scans" } });
  try {
    return await registerSource({ kind: kind.kind, input: toKindInput(kind, body), boss: await getWebBoss(), audit: opts.audit });
  } catch (error) {
    throw error instanceof ValidationError ? toApiValidationError(kind, error) : error;
  }
}
