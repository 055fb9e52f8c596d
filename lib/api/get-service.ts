import type { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import { qualifiedName } from "@/lib/services/qualified-name";
import type { serviceDetail } from "@/lib/api/schemas/services";

/** `GET /api/v1/services/{slug}`: the service page's data without its chart; NotFoundError for an unknown slug. */
export async function getService(opts: { slug: string }): Promise<z.input<typeof serviceDetail>> {
  const s = await getServiceDetail({ slug: opts.slug });
  if (!s) throw new NotFoundError(`no service has the slug "${opts.slug}"`);
  return {
    slug: s.slug,
    name: s.name,
    path: s.path,
    kind: s.kind,
    tier: s.tier,
    languages: s.languages,
    repository: s.repository,
    qualifiedName: qualifiedName({ repository: s.repository, source: s.source.name, name: s.name, path: s.path }),
    team: s.team,
    owner: { source: s.ownerSource, detail: s.ownerDetail },
    source: s.source,
    score: s.latestScore,
    grade: s.latestGrade,
    // Raw SQL hands timestamps over as Date or as a string, depending on the column's path through json.
    scannedAt: s.latestScanAt === null ? null : new Date(s.latestScanAt).toISOString(),
    commit: s.commit,
    factorScores: s.factorScores,
    findings: s.findings.map(({ exemption: e, ...f }) => ({
      ...f,
      exemption: e ? { id: e.id, kind: e.kind, reason: e.reason, expiresAt: e.expiresAt?.toISOString() ?? null } : null,
    })),
  };
}
