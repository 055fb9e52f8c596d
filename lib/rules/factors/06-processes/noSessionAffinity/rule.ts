import { escapeRegExp } from "@/lib/rules/helpers/escape-reg-exp";
import { dig, manifestEvidence, objectName } from "@/lib/rules/helpers/manifests";
import { fail, notApplicable, pass, plural } from "@/lib/rules/helpers/results";
import type { RepoEvidence, RepositoryCheck } from "@/lib/rules/types";
import { HTTP } from "@/lib/rules/helpers/kinds";

// Ingress controllers' sticky-session switches (ingress-nginx, Traefik, HAProxy, AWS ALB, GKE backend config).
const STICKY_ANNOTATION = /affinity|sticky|session-cookie|stickiness/i;
const STICKY_VALUE = /^(cookie|true|ClientIP|enabled|lb_cookie|app_cookie)$|stickiness\.enabled=true/i;

export const rule: RepositoryCheck = {
  id: "noSessionAffinity",
  version: 1,
  factor: "processes",
  title: "Traffic is not pinned to one process (no sticky sessions)",
  rationale:
    "Sticky sessions are a sign the process keeps state between requests. They skew load, lose the session when the " +
    "pod is replaced, and hide the in-memory state that prevents scaling out.",
  judges: "repository",
  effort: "medium",
  defaultWeight: 3,
  kinds: HTTP,
  evaluate(facts) {
    const routed = facts.manifests.filter((m) => m.kind === "Service" || m.kind === "Ingress");
    if (routed.length === 0) return notApplicable("No Service or Ingress manifest.");
    const sticky: RepoEvidence[] = [];
    const names: string[] = [];
    for (const m of routed) {
      if (m.kind === "Service" && dig(m.object, "spec", "sessionAffinity") === "ClientIP") {
        names.push(`${objectName(m)} sessionAffinity: ClientIP`);
        sticky.push(manifestEvidence(facts, m, /^\s*sessionAffinity:/));
      }
      const annotations = dig(m.object, "metadata", "annotations");
      for (const [key, value] of Object.entries(typeof annotations === "object" && annotations !== null ? annotations : {})) {
        if (!STICKY_ANNOTATION.test(key) || !STICKY_VALUE.test(String(value).trim())) continue;
        names.push(`${objectName(m)} ${key}`);
        sticky.push(manifestEvidence(facts, m, new RegExp(escapeRegExp(key))));
      }
    }
    if (sticky.length > 0) return fail(`Sticky sessions configured (${plural(sticky.length, "place")}): ${names.join("; ")}.`, sticky);
    return pass("Services and ingresses spread requests across all replicas.");
  },
};
