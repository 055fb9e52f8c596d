import type { z } from "zod";
import { listTeams } from "@/lib/teams/list-teams";
import { nextOffset, readOffset } from "@/lib/api/page-position";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { teamList } from "@/lib/api/schemas/teams";

/** `GET /api/v1/teams`: teams with live services, worst score first, a page at a time (teams are few: paged in memory). */
export async function listTeamsPage(opts: { query: PageQuery }): Promise<z.input<typeof teamList>> {
  const offset = readOffset(opts.query.cursor);
  const teams = await listTeams();
  const items = teams.slice(offset, offset + opts.query.limit);
  return { items, nextCursor: nextOffset({ offset, returned: items.length, total: teams.length }) };
}
