import { FACTS_SCHEMA_VERSION, type ServiceFacts } from "@/lib/facts/types";

/** Facts of an empty service, to build test cases from (`{ ...emptyFacts(), textFiles: [...] }`). */
export function emptyFacts(overrides: Partial<ServiceFacts> = {}): ServiceFacts {
  return {
    schemaVersion: FACTS_SCHEMA_VERSION,
    service: { name: "svc", path: ".", languages: [], owners: [] },
    deployedBy: [],
    files: [],
    vcs: { kind: "none", commit: null, branch: null },
    textFiles: [],
    dockerfiles: [],
    manifests: [],
    compose: [],
    procfiles: [],
    dependencyManifests: [],
    secretCandidates: [],
    repoConfig: null,
    skipped: [],
    ...overrides,
  };
}
