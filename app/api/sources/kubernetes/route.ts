// POST /api/sources/kubernetes – add a Kubernetes cluster (kubeconfig context or in-cluster) as a source, scheduled at once
import { addSourceResponse } from "@/lib/actions/add-source-response";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  return addSourceResponse({ request, kind: "kubernetes" });
}
