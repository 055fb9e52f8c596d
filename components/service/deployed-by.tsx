import type { DeployedBy } from "@/lib/facts/types";

// How a declaration was joined to the service, in words (lib/facts/discovery/join-workloads.ts).
const LINK_WORDS: Record<DeployedBy["link"], string> = {
  "build-context": "matched by build context",
  "compose-service": "the compose service that builds it",
  image: "matched by image name",
  chart: "its Helm chart",
  label: "matched by app.kubernetes.io/name label",
  name: "matched by name",
};

/** `, rendered by Kustomize from kustomize/overlays/prod` for a declaration that was rendered. */
function renderedFrom(d: DeployedBy): string {
  if (!d.via) return "";
  return d.descriptor === "helm" ? `, rendered from the Helm chart ${d.via}` : `, rendered by Kustomize from ${d.via}`;
}

/**
 * The deploy declarations a service's checks judged: where each is and how it was joined to the service, so
 * a reader can tell why probes or replicas in `kubernetes-manifests/cart.yaml` count for `src/cart`.
 */
export function DeployedByList({ deployedBy }: { deployedBy: DeployedBy[] }) {
  if (deployedBy.length === 0)
    return <p className="text-sm text-slate-600 dark:text-slate-300">No deploy config in the repository declares it.</p>;
  return (
    <ul className="space-y-1 text-sm" aria-label="Deployed by">
      {deployedBy.map((d) => (
        <li key={`${d.path}:${d.line}:${d.object}`}>
          <code className="break-all">
            {d.path}:{d.line}
          </code>{" "}
          <span className="text-slate-700 dark:text-slate-300">
            ({d.object}
            {renderedFrom(d)}, {LINK_WORDS[d.link]})
          </span>
        </li>
      ))}
    </ul>
  );
}
