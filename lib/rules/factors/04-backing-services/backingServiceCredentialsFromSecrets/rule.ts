import { looksSecretName } from "@/lib/facts/secret-rules";
import { committedSecrets } from "@/lib/rules/helpers/committed-secrets";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { appWorkloads, workloadEvidence, workloadName, workloadSet } from "@/lib/rules/helpers/workloads";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { Evidence, WorkloadCheck } from "@/lib/rules/types";
import type { ServiceKindName } from "@/lib/facts/types";

// Names that carry how to reach and log in to an attached resource.
const LOCATOR = /(_|^)(URL|URI|DSN|CONNECTION_?STRING|CONN_?STR)$|^ConnectionStrings__/i;

// Config the build packages with the app, used in every environment unless the deploy overrides it: with no
// credential in the workload's env, a password there is where the running service gets it from.
const PACKAGED_CONFIG = /(^|\/)appsettings[\w.-]*\.json$|(^|\/)src\/main\/resources\/[\w./-]*\.(ya?ml|properties)$/i;
const DEV_CONFIG = /[.-](development|dev|local|test)\.\w+$/i;

// A datastore's own `MYSQL_ROOT_PASSWORD` sets up the server; this check is about the services that log in to it.
const CONSUMERS: readonly ServiceKindName[] = ["http", "grpc", "worker", "job", "tool", "static"];

export const rule: WorkloadCheck = {
  id: "backingServiceCredentialsFromSecrets",
  version: 4,
  factor: "backing-services",
  title: "Workloads get credentials from a Secret, not a literal in the workload spec",
  rationale:
    "An attached resource is swapped by changing its locator and credentials, without touching code or manifests. " +
    "A password or credentialed URL written as an env `value:` is a copy to rotate by hand, lives in Git history, " +
    "and is readable by anyone who can read the Deployment.",
  judges: "workload",
  effort: "low",
  defaultWeight: 5,
  kinds: CONSUMERS,
  evaluate(subject) {
    const literal: Evidence[] = [];
    const names: string[] = [];
    let judged = 0;
    const workloads = subject.kind === "repository" ? appWorkloads(subject) : workloadSet(subject).workloads;
    for (const w of workloads) {
      for (const c of w.containers) {
        c.env.forEach((env, i) => {
          // A literal the summarizer found credential-shaped (a token, user:password@, a secret-named value) is
          // judged whatever its name; otherwise only names that carry credentials or a locator are.
          if (!env.secretPreview && !looksSecretName(env.name) && !LOCATOR.test(env.name)) return;
          judged += 1;
          if (env.source !== "literal" || !env.secretPreview) return;
          names.push(`${workloadName(w)} ${env.name}`);
          literal.push(
            workloadEvidence(subject, w, {
              container: c,
              field: `env[${i}].value`,
              pattern: new RegExp(String.raw`name:\s*["']?${escapeRegExp(env.name)}\b`),
              snippet: `${env.name}=${env.secretPreview}`,
            }),
          );
        });
        for (const arg of c.credentialArgs ?? []) {
          judged += 1;
          names.push(`${workloadName(w)} argument ${arg}`);
          literal.push(
            workloadEvidence(subject, w, {
              container: c,
              field: "args",
              pattern: /@(tcp|unix)\(|:\/\/[^\s:@/]+:[^\s@/]+@/,
              snippet: arg,
            }),
          );
        }
      }
    }
    if (judged === 0 && subject.kind === "repository") {
      const facts = subject.facts;
      const baked = committedSecrets(facts).filter((c) => PACKAGED_CONFIG.test(c.path) && !DEV_CONFIG.test(c.path));
      if (workloads.length > 0 && baked.length > 0)
        return fail(
          `No credential reaches the workload from a Secret: the service logs in with literals in its packaged config (${plural(baked.length, "place")}).`,
          baked.map((c) => pathEvidence({ facts, path: c.path, line: c.line, snippet: `${c.name ?? c.kind} = ${c.preview}` })),
        );
    }
    if (judged === 0) return notApplicable("No workload receives credentials through env or its arguments.");
    if (literal.length > 0)
      return fail(`Credentials written into the workload spec (${plural(literal.length, "variable")}): ${names.join(", ")}.`, literal);
    return pass(`Credentials come from Secret references (${plural(judged, "variable")}).`);
  },
};
