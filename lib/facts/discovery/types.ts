import type { DeclaredWorkload, ImageBuild } from "@/lib/facts/deploy-graph/types";
import type { CodeownersMatch, DeclaredTier, OwnerFile, ServiceKindName } from "@/lib/facts/types";

/** How a deploy declaration was joined to the service it deploys, strongest first. */
export type JoinLink = "build-context" | "compose-service" | "image" | "chart" | "label" | "name";

/** What a service is, so each check judges only the kinds it is about (telemetry judges long-running servers). */
export type ServiceKind = ServiceKindName;

/** Why something became a service: what was built or declared. */
export type ServiceBasis = "image-build" | "dockerfile" | "module" | "deploy-only" | "descriptor" | "root";

/** A deployable unit of a source, found from what the repository builds and deploys. */
export interface FoundService {
  name: string;
  /** Its directory relative to the source root ("." for the root); for a deploy-only service, the file that declares it (`file#workload` when the file declares several). */
  path: string;
  basis: ServiceBasis;
  /** The image build(s) of the service, and the Dockerfile its deploy config builds (null without one). */
  builds: ImageBuild[];
  runtimeDockerfile: string | null;
  /** The workload declarations that deploy it, each with how it was joined. */
  deployedBy: { workload: DeclaredWorkload; link: JoinLink }[];
  /** A kind the descriptor or the deploy config states (catalog-info `spec.type`, a CronJob); null: judged from the code. */
  kind: ServiceKind | null;
  owners: string[];
  ownerFrom?: OwnerFile;
  codeowners?: CodeownersMatch;
  declaredTier?: DeclaredTier;
  tierProblems?: string[];
}

/** The result of discovery: the services, and the workloads no service claimed (shown under their source). */
export interface Discovery {
  services: FoundService[];
  unmatched: DeclaredWorkload[];
}
