import type { WorkloadFacts } from "@/lib/facts/cluster-types";
import { slugify } from "@/lib/text/slugify";

/** A Dozen service a workload may join (from any source: repositories, directories, the cluster itself). */
export interface ServiceCandidate {
  id: number;
  name: string;
  slug: string;
  repoUrl: string | null;
}

export type MappedBy = "annotation" | "label" | "image" | "none";

export interface WorkloadMapping {
  serviceId: number | null;
  mappedBy: MappedBy;
  /** The name an unmapped workload's cluster-only service gets: its app label, else its own name. */
  groupName: string;
  owners: string[];
}

const OWNER_LABELS = ["dozen.dev/owner", "app.kubernetes.io/owner", "owner", "team"];

/**
 * Joins a workload to a service, strongest signal first: `dozen.dev/service` / `dozen.dev/repo`
 * annotations (set on purpose), then `app.kubernetes.io/name` / `part-of` labels, then the image
 * repository's last path segment (`registry/acme/checkout:1.2` → "checkout"). Names compare as slugs.
 */
export function mapWorkload(opts: { workload: WorkloadFacts; candidates: readonly ServiceCandidate[] | CandidateIndex }): WorkloadMapping {
  const w = opts.workload;
  const index = "bySlug" in opts.candidates ? opts.candidates : indexCandidates({ candidates: opts.candidates });
  const find = (name: string | undefined) => (name ? index.bySlug.get(slugify(name)) : undefined);
  const repo = w.annotations["dozen.dev/repo"]?.replace(/\.git$/, "");
  const byRepo = repo ? (index.withRepo.find((c) => c.repoUrl!.replace(/\.git$/, "").endsWith(repo)) ?? find(repoName(repo))) : undefined;
  const annotated = find(w.annotations["dozen.dev/service"]) ?? byRepo;
  const labelled =
    find(w.labels["app.kubernetes.io/name"] ?? w.podLabels["app.kubernetes.io/name"]) ?? find(w.labels["app.kubernetes.io/part-of"]);
  const imaged = w.containers
    .filter((c) => !c.init)
    .map((c) => find(imageName(c.image)))
    .find(Boolean);
  const [match, mappedBy]: [ServiceCandidate | undefined, MappedBy] = annotated
    ? [annotated, "annotation"]
    : labelled
      ? [labelled, "label"]
      : imaged
        ? [imaged, "image"]
        : [undefined, "none"];
  const owners = OWNER_LABELS.map((k) => w.labels[k]).filter((v): v is string => Boolean(v));
  return { serviceId: match?.id ?? null, mappedBy, groupName: w.labels["app.kubernetes.io/name"] ?? w.name, owners: [...new Set(owners)] };
}

/** Candidates looked up by slug, name and repository name; built once per audit, not per workload. */
export interface CandidateIndex {
  bySlug: Map<string, ServiceCandidate>;
  withRepo: ServiceCandidate[];
}

/** Indexes the services workloads may join (the first candidate wins a shared key). */
export function indexCandidates(opts: { candidates: readonly ServiceCandidate[] }): CandidateIndex {
  const bySlug = new Map<string, ServiceCandidate>();
  for (const c of opts.candidates) {
    for (const key of [c.slug, slugify(c.name), repoName(c.repoUrl)]) if (key && !bySlug.has(key)) bySlug.set(key, c);
  }
  return { bySlug, withRepo: opts.candidates.filter((c) => c.repoUrl) };
}

/** `registry.example.com:5000/acme/checkout:1.2@sha256:…` → "checkout". */
export function imageName(image: string): string {
  const withoutDigest = image.split("@")[0] ?? image;
  const last = withoutDigest.split("/").pop() ?? withoutDigest;
  return last.split(":")[0] ?? last;
}

function repoName(repo: string | null): string | undefined {
  if (!repo) return undefined;
  return slugify(
    repo
      .replace(/\.git$/, "")
      .split("/")
      .filter(Boolean)
      .pop() ?? "",
  );
}
