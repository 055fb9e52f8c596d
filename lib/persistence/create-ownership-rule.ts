import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { createOwnershipRuleInput, type CreateOwnershipRuleInput } from "@/lib/ownership/ownership-rule-input";
import { findTeamOrThrow } from "@/lib/persistence/find-team-or-throw";
import { placeOwnershipRule } from "@/lib/persistence/place-ownership-rule";
import { withOwnershipReapplied } from "@/lib/persistence/with-ownership-reapplied";

/**
 * Adds an ownership rule for an existing team (a ValidationError names a team that does not exist), at
 * `position` among the UI's rules or last, records `ownership-rule.create`, and re-applies ownership at once.
 */
export async function createOwnershipRule(opts: {
  input: CreateOwnershipRuleInput;
  audit: AuditContext;
}): Promise<{ id: number; moved: number }> {
  const input = createOwnershipRuleInput.parse(opts.input);
  const { result, moved } = await withOwnershipReapplied(async (tx) => {
    const team = await findTeamOrThrow({ tx, team: input.team });
    const row = await tx.ownershipRule.create({
      data: { kind: input.kind, pattern: input.pattern, teamId: team.id, position: 0, createdBy: opts.audit.actor.name },
      select: { id: true },
    });
    const position = await placeOwnershipRule({ tx, id: row.id, position: input.position });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "ownership-rule.create",
      target: { kind: "ownership-rule", id: row.id, name: `${input.kind} ${input.pattern}` },
      detail: { kind: input.kind, pattern: input.pattern, team: team.slug, position },
    });
    return row.id;
  });
  return { id: result, moved };
}
