import { imageWithoutVersion, isTemplatedImage } from "@/lib/rules/helpers/images";
import { pathInService } from "@/lib/rules/helpers/is-ignored-path";
import {
  allContainers,
  appWorkloads,
  containerEvidence,
  containerName,
  dig,
  manifestEvidence,
  objects,
} from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";

// A directory or file naming one deployment environment: overlays/staging/, deploy/prod/, k8s/production.yaml.
const ENVIRONMENT = /(?:^|\/)(dev|development|qa|uat|stage|staging|preprod|prod|production)(?:\/|\.ya?ml$|-[\w-]*\.ya?ml$)/i;
const CANONICAL: Record<string, string> = { development: "dev", stage: "staging", production: "prod" };

interface Use {
  env: string;
  image: string;
  evidence: RepoEvidence;
}

function environmentOf(facts: ServiceFacts, path: string): string | null {
  const match = ENVIRONMENT.exec(pathInService(facts.service.path, path));
  const env = match?.[1]?.toLowerCase();
  return env ? (CANONICAL[env] ?? env) : null;
}

/** The image repository (registry and path, no tag or digest) each environment deploys, per container or kustomize image name. */
function uses(facts: ServiceFacts): Map<string, Use[]> {
  const byKey = new Map<string, Use[]>();
  const add = (key: string, use: Use) => byKey.set(key, [...(byKey.get(key) ?? []), use]);
  for (const m of facts.manifests) {
    const env = environmentOf(facts, m.path);
    if (!env) continue;
    if (m.kind === "Kustomization") {
      for (const img of objects(dig(m.object, "images"))) {
        if (typeof img.name !== "string") continue;
        const image = typeof img.newName === "string" ? img.newName : img.name;
        add(`kustomize ${img.name}`, { env, image, evidence: manifestEvidence(facts, m, /^\s*(-\s*)?newName:|^\s*images:/) });
      }
      continue;
    }
    if (!appWorkloads(facts).includes(m)) continue;
    for (const c of allContainers(m)) {
      if (typeof c.image !== "string" || isTemplatedImage(c.image)) continue;
      add(`${m.kind}/${m.name} ${containerName(c)}`, {
        env,
        image: imageWithoutVersion(c.image),
        evidence: containerEvidence(facts, m, c, /^\s*image:/),
      });
    }
  }
  return byKey;
}

export const rule: RepositoryCheck = {
  id: "sameImageAcrossEnvironments",
  version: 1,
  factor: "dev-prod-parity",
  title: "Every environment deploys the same image repository (promote the build, do not rebuild per environment)",
  rationale:
    "Parity means the artefact tested in staging is the one promoted to production. Per-environment images " +
    "(`api-staging`, a dev registry, a debug build) mean production runs something nobody tested.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 4,
  evaluate(facts) {
    const byKey = uses(facts);
    const compared = [...byKey.entries()].filter(([, list]) => new Set(list.map((u) => u.env)).size > 1);
    if (compared.length === 0) return notApplicable("No workload or image is defined for more than one environment.");
    const evidence: RepoEvidence[] = [];
    const names: string[] = [];
    for (const [key, list] of compared) {
      if (new Set(list.map((u) => u.image)).size === 1) continue;
      names.push(`${key}: ${list.map((u) => `${u.env} ${u.image}`).join(", ")}`);
      evidence.push(...list.map((u) => u.evidence));
    }
    if (evidence.length > 0) return fail(`Environments deploy different images: ${names.join("; ")}.`, evidence);
    return pass(`Environments deploy the same image (${compared.map(([key]) => key).join(", ")}).`);
  },
};
