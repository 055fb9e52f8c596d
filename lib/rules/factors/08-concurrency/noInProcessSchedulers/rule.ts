import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RuleDefinition } from "@/lib/rules/types";

const JS = /\bcron\.schedule\(|\bnew\s+CronJob\(|\bschedule\.scheduleJob\(|\bnew\s+Agenda\(|\bToadScheduler\b|\bnew\s+Bree\(/;
const JVM = /@Scheduled\(|@EnableScheduling\b|\bnewScheduledThreadPool\(|\bnewSingleThreadScheduledExecutor\(|\bStdSchedulerFactory\b/;
/** Timers that fire business jobs from inside the process. */
const SCHEDULER = {
  javascript: JS,
  typescript: JS,
  python: /\b(Background|AsyncIO|Blocking)Scheduler\(|\bschedule\.every\(|@\w*scheduler\.(scheduled_job|task)\(|\brepeat_every\b|@repeat_every\(/,
  go: /\bcron\.New\(|\bgocron\.NewScheduler\(|\bgocron\.NewScheduler\b|\.AddFunc\(\s*"[^"]*[*@]/,
  java: JVM,
  kotlin: JVM,
  csharp: /\bAddQuartz\(|\bRecurringJob\.AddOrUpdate|\bnew\s+PeriodicTimer\(|\bAddHangfireServer\(/,
  ruby: /\bRufus::Scheduler\b|\bClockwork\b/,
};

export const rule: RuleDefinition = {
  id: "noInProcessSchedulers",
  version: 1,
  factor: "concurrency",
  title: "Scheduled work runs as its own process type, not inside the web process",
  rationale:
    "A cron loop inside the web process runs once per replica: scale to five and the nightly job runs five times; " +
    "scale to zero and it never runs. Give scheduled work its own process type (a CronJob or a clock process).",
  appliesTo: ["repo"],
  effort: "medium",
  defaultWeight: 4,
  evaluate(facts) {
    // A dedicated clock/worker service is exactly where a scheduler belongs; only web processes are judged.
    if (!firstHttpEvidence(facts)) return notApplicable("Not a web process: schedulers may run here.");
    const found = findLineMatches({ facts, patterns: SCHEDULER });
    if (found.length > 0) {
      return fail(`Schedulers run inside the web process (${plural(found.length, "place")}).`, found.map((m) => matchEvidence(m)));
    }
    return pass("No in-process scheduler in the web process.");
  },
};
