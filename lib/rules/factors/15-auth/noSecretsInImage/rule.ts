import { looksSecretName } from "@/lib/facts/secret-rules";
import { pathEvidence } from "@/lib/rules/helpers/find-line-matches";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { DockerInstruction } from "@/lib/facts/types";

// Files that are credentials by name: dotenv files, private keys, cloud credential files, registry tokens.
const SECRET_FILE =
  /(^|\/)(\.env(\.[\w-]+)?|[\w.-]+\.(pem|key|p12|pfx|jks)|id_(rsa|dsa|ecdsa|ed25519)|credentials(\.json)?|service-account[\w-]*\.json|\.npmrc|\.pypirc|\.netrc|\.git-credentials)$/i;
const TEMPLATE = /\.(example|sample|template|dist)$/i;

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
  version: 1,
  factor: "auth",
  title: "No secrets are baked into the image (no secret ENV/ARG values, no copied .env or key files)",
  rationale:
    "Image layers are readable by anyone who can pull the image, forever: `docker history` shows ENV and ARG values and " +
    "every copied file stays in its layer even if a later step deletes it. Secrets belong in the runtime environment.",
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
    if (found.length > 0) return fail(`Secrets baked into the image (${plural(found.length, "instruction")}): ${names.join(", ")}.`, found);
    return pass("No secret-named ENV/ARG values and no credential files copied into the image.");
  },
};
