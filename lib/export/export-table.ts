import { FACTORS } from "@/lib/factors/factors";
import { getHeatmapRows } from "@/lib/heatmap/get-heatmap-rows";
import { heatmapSearch, searchEntries } from "@/lib/heatmap/read-heatmap-search";
import { getServiceDetail } from "@/lib/services/get-service-detail";
import type { ServiceFinding } from "@/lib/services/judge-latest-findings";
import { listTeamFindings } from "@/lib/teams/list-team-findings";
import { listTeams } from "@/lib/teams/list-teams";
import { listRecentScans } from "@/lib/scans/list-recent-scans";
import { listSources } from "@/lib/sources/list-sources";
import { getFactorReport } from "@/lib/factor-report/get-factor-report";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { toCsv } from "@/lib/export/to-csv";
import { listExemptionHistory } from "@/lib/exemptions/list-exemption-history";

type Params = URLSearchParams;
type Finding = ServiceFinding;

const FINDING_COLUMNS = ["rule", "factor", "outcome", "weight", "effort", "message", "path", "line_start", "line_end", "exemption"];

/** A finding as a CSV row: its first evidence location (a file and lines, or a Kubernetes object), and its exemption. */
function findingRow(f: Finding): (string | number | null)[] {
  const e = f.evidence[0];
  return [
    f.ruleId,
    f.factor,
    f.outcome,
    f.weight,
    f.effort,
    f.message,
    e?.type === "repo" ? e.path : e ? `${e.namespace}/${e.kind}/${e.name}` : null,
    e?.type === "repo" ? e.lineStart : null,
    e?.type === "repo" ? e.lineEnd : null,
    f.exemption ? `${f.exemption.kind}: ${f.exemption.reason}` : null,
  ];
}

/** The CSV behind each dashboard table, read through the same functions as the pages. */
const EXPORTERS: Record<string, (p: Params) => Promise<{ columns: string[]; rows: (string | number | null)[][] }>> = {
  services: async (p) => {
    const services = await allHeatmapRows(p);
    return {
      columns: ["service", "team", "source", "path", "kind", "tier", "score", "grade", ...FACTORS.map((f) => f.id)],
      rows: services.map((s) => [
        s.name,
        s.team,
        s.source,
        s.path,
        s.kind,
        s.tier,
        s.score,
        s.grade,
        ...FACTORS.map((f) => s.factors[f.id] ?? null),
      ]),
    };
  },
  teams: async () => ({
    columns: ["team", "services", "score"],
    rows: (await listTeams()).map((t) => [t.name, t.services, t.score]),
  }),
  scans: async () => ({
    columns: ["scan", "source", "trigger", "status", "targets_done", "targets_total", "targets_failed", "error", "created_at"],
    rows: (await listRecentScans({ limit: 200 })).map((s) => [
      s.id,
      s.source,
      s.trigger,
      s.status,
      s.targetsDone,
      s.targetsTotal,
      s.targetsFailed,
      s.error,
      s.createdAt,
    ]),
  }),
  sources: async () => ({
    columns: ["source", "kind", "location", "schedule", "services", "last_scan_status", "last_scan_at"],
    rows: (await listSources()).map((s) => [
      s.name,
      s.kind,
      s.location,
      s.schedule,
      s.services,
      s.lastScan?.status ?? null,
      s.lastScan?.createdAt ?? null,
    ]),
  }),
  findings: async (p) => {
    const slug = p.get("service");
    const team = p.get("team");
    if (!slug && !team) throw new ValidationError("findings export needs ?service=<slug> or ?team=<slug>");
    if (slug) {
      const service = await getServiceDetail({ slug });
      if (!service) throw new NotFoundError(`no service ${slug}`);
      return { columns: FINDING_COLUMNS, rows: service.findings.map(findingRow) };
    }
    // A team's: every service of the team by name, its latest findings each, in one statement.
    const services = await listTeamFindings({ team: team! });
    return { columns: ["service", ...FINDING_COLUMNS], rows: services.flatMap((s) => s.findings.map((f) => [s.name, ...findingRow(f)])) };
  },
  exemptions: async (p) => {
    const slug = p.get("service");
    if (!slug) throw new ValidationError("exemptions export needs ?service=<slug>");
    const history = await listExemptionHistory({ service: slug, limit: 10_000 });
    return {
      columns: ["at", "action", "actor", "exemption", "rule", "kind", "reason", "expires_at", "why"],
      rows: history.map((h) => [h.at.toISOString(), h.action, h.actor, h.exemptionId, h.checkId, h.kind, h.reason, h.expiresAt, h.why]),
    };
  },
  checks: async (p) => {
    const factor = p.get("factor");
    if (!factor || !FACTORS.some((f) => f.id === factor)) throw new ValidationError("checks export needs ?factor=<factor id>");
    const { checks } = await getFactorReport({ factor });
    const rows = [];
    // Every failing service, not the page's worst ten: the heatmap's check filter, page by page.
    for (const c of checks) {
      const failing = c.failed ? await allHeatmapRows(new URLSearchParams({ check: c.id, sort: "name" })) : [];
      rows.push([c.id, c.title, c.effort, c.passed, c.failed, failing.map((s) => s.name).join(" ")]);
    }
    return { columns: ["rule", "title", "effort", "passed", "failed", "failing_services"], rows };
  },
};

/**
 * Every row of the heatmap for the URL's filters and sort (not just its page), read page by page from the
 * rollups. A bad filter is refused rather than exporting the whole fleet under a misleading name.
 */
async function allHeatmapRows(p: Params) {
  const parsed = heatmapSearch.safeParse(searchEntries(p));
  if (!parsed.success)
    throw new ValidationError(`services export: ${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`);
  const search = parsed.data;
  const pageSize = 500;
  const rows = [];
  for (let page = 1; ; page += 1) {
    const batch = await getHeatmapRows({ search: { ...search, page }, pageSize });
    rows.push(...batch.rows);
    if (batch.rows.length < pageSize || rows.length >= batch.total) return rows;
  }
}

/** CSV text for one dashboard table; unknown tables are a NotFoundError. */
export async function exportTable(opts: { table: string; params: Params }): Promise<string> {
  const exporter = EXPORTERS[opts.table];
  if (!exporter) throw new NotFoundError(`no table "${opts.table}"; tables: ${Object.keys(EXPORTERS).join(", ")}`);
  return toCsv(await exporter(opts.params));
}
