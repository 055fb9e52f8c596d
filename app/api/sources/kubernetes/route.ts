// POST /api/sources/kubernetes – add a Kubernetes cluster (kubeconfig context or in-cluster) as a source, scheduled at once
import { NextResponse } from "next/server";
import { httpStatusOf } from "@/lib/errors";
import { getWebBoss } from "@/lib/jobs/get-web-boss";
import { registerClusterSource, registerClusterSourceInput } from "@/lib/sources/kinds/kubernetes/register-cluster-source";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const body = await request.json().catch(() => null);
  const parsed = registerClusterSourceInput.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: "invalid source", issues: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) }, { status: 400 });
  }
  try {
    const source = await registerClusterSource({ input: parsed.data, boss: await getWebBoss() });
    return NextResponse.json({ source }, { status: 201 });
  } catch (error) {
    const status = httpStatusOf(error);
    return NextResponse.json({ error: status === 500 ? "could not add the source" : (error as Error).message }, { status });
  }
}
