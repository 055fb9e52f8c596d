import type { ServiceKindName } from "@/lib/facts/types";

/** Every kind, in the order a filter lists them. */
export const SERVICE_KIND_NAMES: readonly ServiceKindName[] = ["http", "grpc", "worker", "job", "tool", "datastore", "static"];

/** A kind in words, as the service page, the overview's filter and the not-applicable messages say it. */
export const SERVICE_KIND_LABEL: Readonly<Record<ServiceKindName, string>> = {
  http: "HTTP service",
  grpc: "gRPC service",
  worker: "worker",
  job: "job",
  tool: "tool (load generator, CLI)",
  datastore: "data store",
  static: "static site",
};

export function isServiceKind(value: string | null | undefined): value is ServiceKindName {
  return typeof value === "string" && (SERVICE_KIND_NAMES as readonly string[]).includes(value);
}
