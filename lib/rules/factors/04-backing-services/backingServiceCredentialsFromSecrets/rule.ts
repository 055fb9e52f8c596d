import { looksSecretName } from "@/lib/facts/secret-rules";
import { committedSecrets } from "@/lib/rules/helpers/committed-secrets";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { allContainers, appWorkloads, containerEvidence, objectName, objects } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceKindName } from "@/lib/facts/types";

// Names that carry how to reach and log in to an attached resource.
const LOCATOR = /(_|^)(URL|URI|DSN|CONNECTION_?STRING|CONN_?STR)$|^ConnectionStrings__/i;

// Config the build packages with the app, used in every environment unless the deploy overrides it: with no
// credential in the workload's env, a password there is where the running service gets it from.
const PACKAGED_CONFIG = /(^|\/)appsettings[\w.-]*\.json$|(^|\/)src\/main\/resources\/[\w./-]*\.(ya?ml|properties)$/i;
const DEV_CONFIG = /[.-](development|dev|local|test)\.\w+$/i;

// A datastore's own `MYSQL_ROOT_PASSWORD` sets up the server; this check is about the services that log in to it.
const CONSUMERS: readonly ServiceKindName[] = ["http", "grpc", "worker", "job", "tool", "static"];

export const rule: RepositoryCheck = {
  id: "backingServiceCredentialsFromSecrets",
  version: 2,
  factor: "backing-services",
  title: "Workloads get backing-service credentials from a Secret, not a literal in the manifest",
  rationale:
    "An attached resource is swapped by changing its locator and credentials, without touching code or manifests. " +
    "A password or credentialed URL written as an env `value:` is a copy to rotate by hand and lives in Git history.",
  judges: "repository",
  effort: "low",
  defaultWeight: 5,
  kinds: CONSUMERS,
  evaluate(facts) {
    const literal: RepoEvidence[] = [];
    const names: string[] = [];
    let judged = 0;
    for (const m of appWorkloads(facts)) {
      for (const c of allContainers(m)) {
        for (const env of objects(c.env)) {
          const name = typeof env.name === "string" ? env.name : "";
          const credential = looksSecretName(name) || LOCATOR.test(name);
          if (!credential) continue;
          judged += 1;
          const value = typeof env.value === "string" ? env.value : "";
          // A locator without credentials (`redis://cache:6379`) is config; a secret-named literal never is.
          // `$(OTHER_VAR)` expands another variable and `{{ }}` is a template: references, not literals.
          if (
            value === "" ||
            /^\$\(\w+\)$|\{\{/.test(value.trim()) ||
            (!looksSecretName(name) && !/:\/\/[^/\s]*@|password=|pwd=/i.test(value))
          )
            continue;
          names.push(`${objectName(m)} ${name}`);
          literal.push(containerEvidence(facts, m, c, new RegExp(String.raw`name:\s*["']?${escapeRegExp(name)}\b`)));
        }
      }
    }
    if (judged === 0) {
      const baked = committedSecrets(facts).filter((c) => PACKAGED_CONFIG.test(c.path) && !DEV_CONFIG.test(c.path));
      if (appWorkloads(facts).length > 0 && baked.length > 0)
        return fail(
          `No credential reaches the workload from a Secret: the service logs in with literals in its packaged config (${plural(baked.length, "place")}).`,
          baked.map((c) => pathEvidence({ facts, path: c.path, line: c.line, snippet: `${c.name ?? c.kind} = ${c.preview}` })),
        );
      return notApplicable("No workload receives backing-service credentials through env.");
    }
    if (literal.length > 0)
      return fail(`Credentials written into the manifest (${plural(literal.length, "variable")}): ${names.join(", ")}.`, literal);
    return pass(`Credentials come from Secret references (${plural(judged, "variable")}).`);
  },
};
