import type { ServiceCluster } from "@/lib/services/get-service-cluster";

const FIELD_LABELS: Record<string, string> = {
  image: "Image",
  digest: "Digest running for the declared tag",
  replicas: "Replicas",
  probes: "Probes",
  envKeys: "Env keys",
};

/**
 * The "Cluster" section of a service page: where it runs, what runs (digests) and where the running workloads
 * differ from what the repository declares. The cluster checks' findings are listed with the repository's,
 * by factor, each marked with where it was seen. Pass `getServiceCluster`'s result.
 */
export function ClusterDrift({ cluster }: { cluster: ServiceCluster | null }) {
  if (!cluster) return null;
  const drift = cluster.drift.filter((d) => d.field !== "digest");
  const digests = cluster.drift.filter((d) => d.field === "digest");
  return (
    <section aria-labelledby="cluster-heading" className="mt-8" data-testid="cluster-section">
      <h2 id="cluster-heading" className="text-lg font-semibold">
        Cluster{cluster.cluster ? `: ${cluster.cluster}` : ""}
      </h2>
      {/* Namespaced names and digests do not wrap: on a phone the table scrolls inside its own box. */}
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead>
            <tr className="text-slate-600 dark:text-slate-400">
              <th scope="col">Workload</th>
              <th scope="col">Replicas</th>
              <th scope="col">Running</th>
              <th scope="col">Joined by</th>
            </tr>
          </thead>
          <tbody>
            {cluster.workloads.map((w) => (
              <tr key={`${w.namespace}/${w.kind}/${w.name}`} className={w.goneAt ? "text-slate-400 line-through" : ""}>
                <td className="font-mono">
                  {w.namespace}/{w.kind}/{w.name}
                </td>
                <td>{w.replicas ?? "–"}</td>
                <td className="font-mono text-xs">
                  {w.digests.length ? w.digests.map((d) => d.slice(0, 19)).join(", ") : w.images.join(", ")}
                </td>
                <td>{w.mappedBy === "none" ? "unmapped" : w.mappedBy}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 className="mt-4 font-medium">Drift from the repository</h3>
      {drift.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400" data-testid="cluster-no-drift">
          The cluster runs what the repository declares
          {cluster.drift.length === 0 ? " (or the repository declares none of these workloads)" : ""}.
        </p>
      ) : (
        <ul className="mt-1 space-y-1 text-sm" data-testid="cluster-drift">
          {drift.map((d, i) => (
            <li key={i}>
              <span className="font-mono">
                {d.kind}/{d.name}
              </span>{" "}
              · {FIELD_LABELS[d.field] ?? d.field}: declared <code>{d.declared}</code>, running <code>{d.running}</code>
            </li>
          ))}
        </ul>
      )}
      {digests.length > 0 ? (
        <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
          {digests.map((d) => `${d.name}: tag ${d.declared} runs ${d.running.slice(0, 19)}…`).join("; ")}
        </p>
      ) : null}
    </section>
  );
}
