import { codeLines, sourceFiles } from "@/lib/rules/helpers/code-lines";
import { findLineMatches, type LineMatch, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { APPLICATIONS } from "@/lib/rules/helpers/kinds";

const JS = /\bcron\.schedule\(|\bnew\s+CronJob\(|\bschedule\.scheduleJob\(|\bnew\s+Agenda\(|\bToadScheduler\b|\bnew\s+Bree\(/;
const JVM = /@Scheduled\(|@EnableScheduling\b|\bnewScheduledThreadPool\(|\bnewSingleThreadScheduledExecutor\(|\bStdSchedulerFactory\b/;
/** Timers that fire business jobs from inside the process. */
const SCHEDULER = {
  javascript: JS,
  typescript: JS,
  python:
    /\b(Background|AsyncIO|Blocking)Scheduler\(|\bschedule\.every\(|@\w*scheduler\.(scheduled_job|task)\(|\brepeat_every\b|@repeat_every\(/,
  go: /\bcron\.New\(|\bgocron\.NewScheduler\(|\bgocron\.NewScheduler\b|\.AddFunc\(\s*"[^"]*[*@]/,
  java: JVM,
  kotlin: JVM,
  csharp: /\bAddQuartz\(|\bRecurringJob\.AddOrUpdate|\bnew\s+PeriodicTimer\(|\bAddHangfireServer\(/,
  ruby: /\bRufus::Scheduler\b|\bClockwork\b/,
};

// Hand-rolled schedulers: a JS timer of a minute or more, a thread looping over `sleep` (Ruby, Python).
const TIMER_START: Partial<Record<string, RegExp>> = {
  javascript: /\bsetInterval\(/,
  typescript: /\bsetInterval\(/,
  ruby: /\bThread\.new\b/,
  python: /\bthreading\.(Thread|Timer)\(/,
};
const LOOP_SLEEP = /\bsleep\(?\s*\d/;
const MINUTE_MS = 60_000;

export const rule: RepositoryCheck = {
  id: "noInProcessSchedulers",
  version: 1,
  factor: "concurrency",
  title: "Scheduled work runs as its own process type, not inside the web process",
  rationale:
    "A cron loop inside the web process runs once per replica: scale to five and the nightly job runs five times; " +
    "scale to zero and it never runs. Give scheduled work its own process type (a CronJob or a clock process).",
  judges: "repository",
  effort: "medium",
  defaultWeight: 4,
  kinds: APPLICATIONS,
  evaluate(facts) {
    // A dedicated clock/worker service is exactly where a scheduler belongs; only web processes are judged.
    if (!firstHttpEvidence(facts)) return notApplicable("Not a web process: schedulers may run here.");
    const found = [...findLineMatches({ facts, patterns: SCHEDULER }), ...timerLoops(facts)];
    if (found.length > 0) {
      return fail(
        `Schedulers run inside the web process (${plural(found.length, "place")}).`,
        found.map((m) => matchEvidence(m)),
      );
    }
    return pass("No in-process scheduler in the web process.");
  },
};

function timerLoops(facts: ServiceFacts): LineMatch[] {
  const found: LineMatch[] = [];
  for (const file of sourceFiles(facts)) {
    const start = file.language ? TIMER_START[file.language] : undefined;
    if (!start) continue;
    const lines = codeLines(file);
    lines.forEach((code, i) => {
      const match = start.exec(code);
      if (!match) return;
      const body = lines.slice(i, i + 15).join("\n");
      const scheduled = file.language === "ruby" || file.language === "python" ? LOOP_SLEEP.test(body) : intervalMs(body) >= MINUTE_MS;
      if (scheduled) found.push({ file, line: i + 1, code, match });
    });
  }
  return found;
}

/** The delay of `setInterval(fn, 5 * 60_000)` or `setInterval(() => {...}, 3600000)`; 0 when it is not a literal. */
function intervalMs(call: string): number {
  const delay = /setInterval\(\s*[\w.]+\s*,\s*([\d_][\d_\s*]*)\)/.exec(call) ?? /\}\s*,\s*([\d_][\d_\s*]*)\)/.exec(call);
  const factors = delay?.[1]?.split("*").map((n) => Number(n.replace(/[_\s]/g, ""))) ?? [];
  return factors.length > 0 && factors.every(Number.isFinite) ? factors.reduce((a, b) => a * b, 1) : 0;
}
