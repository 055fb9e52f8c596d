import type { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { getTeamPage } from "@/lib/teams/get-team-page";
import { qualifiedName } from "@/lib/services/qualified-name";
import type { teamDetail } from "@/lib/api/schemas/teams";

/** How many of a team's services (worst first) its API resource lists; /api/v1/services?team= pages them all. */
const API_TEAM_SERVICES = 500;

/** `GET /api/v1/teams/{slug}`: the team page's data without its chart; NotFoundError for an unknown slug. */
export async function getTeam(opts: { slug: string }): Promise<z.input<typeof teamDetail>> {
  const page = await getTeamPage({ slug: opts.slug, serviceLimit: API_TEAM_SERVICES });
  if (!page) throw new NotFoundError(`no team has the slug "${opts.slug}"`);
  return {
    slug: page.team.slug,
    name: page.team.name,
    score: page.score,
    serviceCount: page.serviceCount,
    grades: page.grades,
    factors: page.factors,
    fixFirst: page.fixFirst,
    services: page.services.map((s) => ({ ...s, qualifiedName: qualifiedName(s), scannedAt: s.scannedAt?.toISOString() ?? null })),
  };
}
