import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { updateOwnershipRuleInput, type UpdateOwnershipRuleInput } from "@/lib/ownership/ownership-rule-input";
import { findTeamOrThrow } from "@/lib/persistence/find-team-or-throw";
import { placeOwnershipRule } from "@/lib/persistence/place-ownership-rule";
import { withOwnershipReapplied } from "@/lib/persistence/with-ownership-reapplied";

/** Changes a rule's kind, pattern, team or place, records `ownership-rule.update` (before and after), re-applies ownership. */
export async function updateOwnershipRule(opts: {
  id: number;
  input: UpdateOwnershipRuleInput;
  audit: AuditContext;
}): Promise<{ moved: number }> {
  const input = updateOwnershipRuleInput.parse(opts.input);
  const { moved } = await withOwnershipReapplied(async (tx) => {
    const before = await tx.ownershipRule.findUnique({
      where: { id: opts.id },
      select: { kind: true, pattern: true, position: true, team: { select: { slug: true } } },
    });
    if (!before) throw new NotFoundError(`no ownership rule ${opts.id}`);
    const kind = input.kind ?? before.kind;
    const pattern = input.pattern ?? before.pattern;
    if (kind === "label" && !/^[^=\s]+=\S*$/.test(pattern))
      throw new ValidationError("a label rule's pattern is key=value", { fields: { pattern: "key=value" } });
    const team = input.team ? await findTeamOrThrow({ tx, team: input.team }) : null;
    await tx.ownershipRule.update({ where: { id: opts.id }, data: { kind, pattern, ...(team ? { teamId: team.id } : {}) } });
    const position = input.position ? await placeOwnershipRule({ tx, id: opts.id, position: input.position }) : before.position;
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "ownership-rule.update",
      target: { kind: "ownership-rule", id: opts.id, name: `${kind} ${pattern}` },
      detail: {
        from: { kind: before.kind, pattern: before.pattern, team: before.team.slug, position: before.position },
        to: { kind, pattern, team: team?.slug ?? before.team.slug, position },
      },
    });
  });
  return { moved };
}
