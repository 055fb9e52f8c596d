import type { z } from "zod";
import { listTeams } from "@/lib/teams/list-teams";
import { slicePage } from "@/lib/api/slice-page";
import type { PageQuery } from "@/lib/api/schemas/common";
import type { teamList } from "@/lib/api/schemas/teams";

/** `GET /api/v1/teams`: teams with live services, worst score first, a page at a time (teams are few: paged in memory). */
export async function listTeamsPage(opts: { query: PageQuery }): Promise<z.input<typeof teamList>> {
  return slicePage({ all: await listTeams(), query: opts.query });
}
