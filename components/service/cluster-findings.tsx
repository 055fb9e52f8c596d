import type { ServiceCluster } from "@/lib/services/get-service-cluster";
import { FindingList } from "@/components/service/finding-list";

/**
 * The cluster checks of a service's latest cluster audit (drift included), shown like repository findings:
 * failures first, each with its evidence (cluster, namespace, kind, name, field) and its remediation guide.
 */
export function ClusterFindings({ findings }: { findings: ServiceCluster["findings"] }) {
  if (findings.length === 0) return null;
  return (
    <>
      <h3 className="mt-4 font-medium">Cluster checks</h3>
      <FindingList findings={findings} className="mt-1 space-y-2" testId="cluster-findings" />
    </>
  );
}
