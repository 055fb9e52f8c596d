import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { updateInitiativeInput, type UpdateInitiativeInput } from "@/lib/initiatives/initiative-input";
import { checkScopeNames, parseInitiativeInput } from "@/lib/initiatives/parse-initiative-input";
import { updateInitiativeProgress } from "@/lib/initiatives/update-initiative-progress";

/**
 * Changes an initiative (any field of UpdateInitiativeInput), closes it (`closed: true`: it leaves the active
 * lists, its history stays) or reopens it. Recorded as `initiative.update` / `initiative.close` /
 * `initiative.reopen` with the fields changed; a change of goal or scope re-judges every service at once, so
 * today's progress follows the new goal. NotFoundError for an unknown slug. The caller checks the role (admin).
 */
export async function updateInitiative(opts: {
  slug: string;
  input: UpdateInitiativeInput | unknown;
  audit: AuditContext;
}): Promise<{ id: number; slug: string }> {
  const input = parseInitiativeInput(updateInitiativeInput, opts.input);
  if (input.scope) await checkScopeNames(input.scope);
  const { closed, startsOn, deadline, ...rest } = input;
  const updated = await db().$transaction(async (tx) => {
    const current = await tx.initiative.findUnique({
      where: { slug: opts.slug },
      select: { id: true, name: true, startsOn: true, deadline: true, closedAt: true },
    });
    if (!current) throw new NotFoundError(`no initiative "${opts.slug}"`);
    const start = startsOn ?? utcDay({ date: current.startsOn });
    const end = deadline ?? utcDay({ date: current.deadline });
    if (end < start)
      throw new ValidationError("invalid initiative: deadline: on or after the start date", {
        fields: { deadline: "on or after the start date" },
      });
    await tx.initiative.update({
      where: { id: current.id },
      data: {
        ...rest,
        ...(startsOn ? { startsOn: new Date(startsOn) } : {}),
        ...(deadline ? { deadline: new Date(deadline) } : {}),
        ...(closed === undefined ? {} : { closedAt: closed ? (current.closedAt ?? new Date()) : null }),
      },
    });
    const action =
      closed === true && !current.closedAt
        ? "initiative.close"
        : closed === false && current.closedAt
          ? "initiative.reopen"
          : "initiative.update";
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action,
      target: { kind: "initiative", id: opts.slug, name: rest.name ?? current.name },
      detail: { ...input },
    });
    return current;
  });
  if (closed !== true) await updateInitiativeProgress({ initiativeIds: [updated.id] });
  return { id: updated.id, slug: opts.slug };
}
