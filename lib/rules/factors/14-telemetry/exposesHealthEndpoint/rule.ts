import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findLineMatches, matchEvidence } from "@/lib/rules/helpers/find-line-matches";
import { firstHttpEvidence } from "@/lib/rules/helpers/http-server";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";

/** A health route literal (`"/healthz"`, `'/health/ready'`) or a framework's health-check registration. */
const HEALTH = {
  default: /["'`]([A-Z]+\s+)?\/(health|healthz|healthcheck|ready|readyz|readiness|live|livez|liveness|ping|status)\b[\w/-]*["'`]/,
  csharp: /["']\/(health|healthz|ready|readyz|live|livez|ping)\b[\w/-]*["']|\bMapHealthChecks\(|\bUseHealthChecks\(/,
};
const HEALTH_PACKAGES =
  /^(@godaddy\/terminus|lightship|express-healthcheck|spring-boot-starter-actuator|org\.springframework\.boot:spring-boot-starter-actuator|django-health-check|fastapi-health|github\.com\/heptiolabs\/healthcheck|github\.com\/alexliesenfeld\/health|AspNetCore\.HealthChecks[\w.]*|Microsoft\.Extensions\.Diagnostics\.HealthChecks[\w.]*)$/i;

export const rule: RepositoryCheck = {
  id: "exposesHealthEndpoint",
  version: 1,
  factor: "telemetry",
  title: "The service exposes a health endpoint",
  rationale:
    "A health endpoint is the cheapest telemetry there is: load balancers, probes, uptime checks and humans can ask " +
    "the process whether it is alive and ready, instead of inferring it from errors.",
  judges: "repository",
  effort: "low",
  defaultWeight: 3,
  evaluate(facts) {
    const http = firstHttpEvidence(facts);
    if (!http) return notApplicable("Not an HTTP service.");
    const found = [
      ...findLineMatches({ facts, patterns: HEALTH, limit: 3 }).map((m) => matchEvidence(m)),
      ...findDependencies(facts, HEALTH_PACKAGES).map((d) => d.evidence),
    ];
    if (found.length > 0) return pass("A health endpoint is served.", found);
    return fail("No /health, /healthz or /ready route (or health-check library) found.", [matchEvidence(http)]);
  },
};
