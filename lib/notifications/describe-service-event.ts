import { findRule } from "@/lib/rules/registry";
import type { ServiceEvent } from "@/lib/notifications/detect-service-events";

const score = (v: number | null) => (v === null ? "–" : v.toFixed(1));
const titled = (id: string) => `${findRule(id)?.title ?? id} (${id})`;

/** The subject and lines a message about a service event says: names, scores and check titles, never evidence. */
export function describeServiceEvent(opts: { event: ServiceEvent; service: string; team: string | null }): {
  subject: string;
  lines: string[];
} {
  const { event: e, service } = opts;
  const scores = `${score(e.from)} → ${score(e.to)}`;
  const owner = opts.team ? ` (team ${opts.team})` : "";
  switch (e.kind) {
    case "grade.dropped":
      return {
        subject: `${service} fell from ${e.fromGrade} to ${e.toGrade}`,
        lines: [`Score ${scores}, ${e.drop} points lower${owner}.`],
      };
    case "score.dropped":
      return { subject: `${service} lost ${e.drop} points`, lines: [`Score ${scores}, grade ${e.toGrade}${owner}.`] };
    case "check.failing": {
      const checks = e.checks ?? [];
      return {
        subject: `${service} now fails ${checks.length} ${checks.length === 1 ? "check" : "checks"}`,
        lines: checks.map((id) => `Failing: ${titled(id)}`),
      };
    }
    case "check.fixed": {
      const checks = e.checks ?? [];
      return {
        subject: `${service} fixed ${checks.length} ${checks.length === 1 ? "check" : "checks"}`,
        lines: checks.map((id) => `Fixed: ${titled(id)}`),
      };
    }
  }
}
