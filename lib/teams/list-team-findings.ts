import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import {
  exemptionsInForceSql,
  judgeLatestFindings,
  latestFindingsSql,
  type LatestFindingsJson,
} from "@/lib/services/judge-latest-findings";

/**
 * Every live service of a team, by name (the heatmap's name order), with its latest findings and their
 * exemptions as its service page shows them (judgeLatestFindings): the team's findings CSV. One statement for
 * the whole team, however many services it has. A NotFoundError names a team that does not exist.
 */
export async function listTeamFindings(opts: {
  team: string;
  now?: Date;
}): Promise<{ name: string; findings: ReturnType<typeof judgeLatestFindings> }[]> {
  const now = opts.now ?? new Date();
  // From the team, so a team without live services still answers (one row without a service) and an unknown one none.
  const rows = await db().$queryRaw<({ name: string | null } & LatestFindingsJson)[]>`
    SELECT s."name", ${latestFindingsSql()} AS "findings", ${exemptionsInForceSql({ now })} AS "exemptions"
    FROM "Team" t LEFT JOIN "Service" s ON s."teamId" = t."id" AND s."goneAt" IS NULL
    WHERE t."slug" = ${opts.team}
    ORDER BY s."name" ASC, s."id" ASC`;
  if (rows.length === 0) throw new NotFoundError(`no team ${opts.team}`);
  return rows.flatMap((r) => (r.name === null ? [] : [{ name: r.name, findings: judgeLatestFindings(r) }]));
}
