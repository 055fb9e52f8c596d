import { looksSecretName } from "@/lib/facts/secret-rules";
import { committedSecrets } from "@/lib/rules/helpers/committed-secrets";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DockerInstruction } from "@/lib/facts/types";

// Files that are credentials by name: dotenv files, private keys, cloud credential files, registry tokens.
const SECRET_FILE =
  /(^|\/)(\.env(\.[\w-]+)?|[\w.-]+\.(pem|key|p12|pfx|jks)|id_(rsa|dsa|ecdsa|ed25519)|credentials(\.json)?|service-account[\w-]*\.json|\.npmrc|\.pypirc|\.netrc|\.git-credentials)$/i;
const TEMPLATE = /\.(example|sample|template|dist)$/i;
// Config the build packages into the artefact the image runs: `dotnet publish` copies every appsettings*.json,
// a Spring Boot jar carries src/main/resources. A secret in one of them is in every layer built from it.
const PACKAGED_CONFIG = /(^|\/)appsettings[\w.-]*\.json$|(^|\/)src\/main\/resources\/[\w./-]*\.(ya?ml|properties)$/i;

/** `ENV A=1 B=2`, `ENV A 1`, `ARG NAME=default`: each variable name and whether it has a value. */
function variables(ins: DockerInstruction): { name: string; hasValue: boolean }[] {
  const args = ins.args.trim();
  if (!args.includes("=")) {
    const [name, ...rest] = args.split(/\s+/);
    return name ? [{ name, hasValue: ins.keyword === "ENV" || rest.length > 0 }] : [];
  }
  return [...args.matchAll(/([A-Za-z_][\w.-]*)(=("[^"]*"|'[^']*'|\S*))?/g)].map((m) => ({
    name: m[1] ?? "",
    hasValue: (m[3] ?? "") !== "",
  }));
}

/** Source arguments of COPY/ADD (flags and the destination dropped). */
function sources(ins: DockerInstruction): string[] {
  const args = (ins.form === "exec" ? ins.argv : ins.args.split(/\s+/)).filter((a) => a !== "" && !a.startsWith("--"));
  return args.slice(0, -1);
}

export const rule: RepositoryCheck = {
  id: "noSecretsInImage",
  version: 2,
  factor: "auth",
  title: "No secrets are baked into the image (no secret ENV/ARG values, no copied .env, key or secret-bearing config files)",
  rationale:
    "Image layers are readable by anyone who can pull the image, forever: `docker history` shows ENV and ARG values and " +
    "every copied file stays in its layer even if a later step deletes it. A password in appsettings.Production.json " +
    "or application-prod.yml ships inside the published app. Secrets belong in the runtime environment.",
  judges: "repository",
  effort: "low",
  defaultWeight: 6,
  evaluate(facts) {
    if (facts.dockerfiles.length === 0) return notApplicable("No Dockerfile.");
    const found: RepoEvidence[] = [];
    const names: string[] = [];
    for (const df of facts.dockerfiles) {
      for (const ins of df.instructions) {
        let why: string | undefined;
        if (ins.keyword === "ENV" || ins.keyword === "ARG") {
          // An ARG without a default is supplied at build time and, unlike ENV, not kept in the image config.
          why = variables(ins).find((v) => looksSecretName(v.name) && v.hasValue)?.name;
        } else if (ins.keyword === "COPY" || ins.keyword === "ADD") {
          why = sources(ins).find((s) => SECRET_FILE.test(s.replace(/\/+$/, "")) && !TEMPLATE.test(s));
        }
        if (!why) continue;
        names.push(`${ins.keyword} ${why}`);
        found.push({
          ...pathEvidence({ facts, path: df.path, line: ins.lineStart, snippet: `${ins.keyword} ${ins.args}` }),
          lineEnd: ins.lineEnd,
        });
      }
    }
    const packaged = committedSecrets(facts).filter((c) => PACKAGED_CONFIG.test(c.path));
    for (const c of packaged) {
      names.push(`${c.path} ${c.name ?? c.kind}`);
      found.push(pathEvidence({ facts, path: c.path, line: c.line, snippet: `${c.name ?? c.kind} = ${c.preview}` }));
    }
    if (found.length > 0) return fail(`Secrets baked into the image (${plural(found.length, "instruction")}): ${names.join(", ")}.`, found);
    return pass("No secret-named ENV/ARG values, credential files or secret-bearing packaged config in the image.");
  },
};
