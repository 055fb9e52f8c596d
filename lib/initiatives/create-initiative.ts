import { recordAuditEvent, type AuditContext } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { utcDay } from "@/lib/db/utc-day";
import { createInitiativeInput, type CreateInitiativeInput } from "@/lib/initiatives/initiative-input";
import { checkScopeNames, parseInitiativeInput } from "@/lib/initiatives/parse-initiative-input";
import { updateInitiativeProgress } from "@/lib/initiatives/update-initiative-progress";
import { slugify } from "@/lib/text/slugify";

/**
 * Starts an initiative: validated (ValidationError, 400, naming each field: an unknown check, team or source,
 * a deadline before the start), given a slug from its name (`-2`, `-3` … when taken), recorded as
 * `initiative.create` in the same transaction, and its progress worked out at once from the services'
 * latest results. The caller checks the role (admin).
 */
export async function createInitiative(opts: {
  input: CreateInitiativeInput | unknown;
  audit: AuditContext;
}): Promise<{ id: number; slug: string }> {
  const input = parseInitiativeInput(createInitiativeInput, opts.input);
  await checkScopeNames(input.scope);
  const base = slugify(input.name) || "initiative";
  const made = await db().$transaction(async (tx) => {
    const taken = new Set(
      (await tx.initiative.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((i) => i.slug),
    );
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    const row = await tx.initiative.create({
      data: {
        slug,
        name: input.name,
        description: input.description,
        owner: input.owner,
        goal: input.goal,
        scope: input.scope,
        startsOn: new Date(input.startsOn ?? utcDay()),
        deadline: new Date(input.deadline),
        createdBy: opts.audit.actor.name,
      },
      select: { id: true, slug: true },
    });
    await recordAuditEvent({
      tx,
      ...opts.audit,
      action: "initiative.create",
      target: { kind: "initiative", id: row.slug, name: input.name },
      detail: { goal: input.goal, scope: input.scope, startsOn: input.startsOn ?? utcDay(), deadline: input.deadline, owner: input.owner },
    });
    return row;
  });
  await updateInitiativeProgress({ initiativeIds: [made.id] });
  return made;
}
