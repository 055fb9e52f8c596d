import { findDrift } from "@/lib/rules/factors/10-dev-prod-parity/clusterMatchesRepository/find-drift";
import type { CrossCheck } from "@/lib/rules/types";

/** Dev/prod parity (X): the cluster runs the release the repository declares, not a hand-edited variant. */
export const rule: CrossCheck = {
  id: "clusterMatchesRepository",
  version: 1,
  factor: "dev-prod-parity",
  judges: "both",
  effort: "medium",
  defaultWeight: 2,
  title: "The cluster runs what the repository declares",
  rationale:
    "When the running image, replicas, probes or env keys differ from the repository's manifests, production was changed by hand and the reviewed release is not what runs.",
  evaluate({ declared, cluster }) {
    return findDrift({ manifests: declared, cluster }).finding;
  },
};
