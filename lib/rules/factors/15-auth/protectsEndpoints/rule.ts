import { classifyServiceKind } from "@/lib/rules/classify-service-kind";
import { SERVERS } from "@/lib/rules/helpers/kinds";
import { fail, notApplicable, pass } from "@/lib/rules/helpers/results";
import type { RepositoryCheck } from "@/lib/rules/types";
import { findAnonymousAdmin } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-anonymous-admin";
import { findAuth } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-auth";
import { describeEndpoints, endpointEvidence, findEndpoints } from "@/lib/rules/factors/15-auth/protectsEndpoints/find-endpoints";
import { isPublicStorefront } from "@/lib/rules/factors/15-auth/protectsEndpoints/is-public-storefront";

export const rule: RepositoryCheck = {
  id: "protectsEndpoints",
  version: 2,
  factor: "auth",
  title: "Endpoints require authentication",
  rationale:
    "Every endpoint is reachable by something it did not expect once it is deployed (a misrouted ingress, a peer " +
    "service, an attacker inside the network). Authenticate every request, in the app or in front of it.",
  judges: "repository",
  effort: "high",
  defaultWeight: 8,
  // Static sites too: an admin UI or an edge proxy publishes what it proxies.
  kinds: [...SERVERS, "static"],
  evaluate(facts) {
    const anonymousAdmin = findAnonymousAdmin(facts);
    if (anonymousAdmin.length > 0)
      return fail("Anonymous visitors are given an editing or admin role: anyone who reaches it administers it.", anonymousAdmin);
    // Health and metrics endpoints are meant to be open; only API routes need a caller's identity.
    const endpoints = findEndpoints(facts, classifyServiceKind(facts));
    const all = endpointEvidence(endpoints);
    if (all.length === 0) return notApplicable("No HTTP API routes, gRPC servers or consoles found.");
    if (all.length === endpoints.routes.length && isPublicStorefront(facts, endpoints.routes))
      return notApplicable("A public storefront: its pages, cart and checkout are for anonymous shoppers by design.");
    const auth = [...findAuth(facts), ...endpoints.grpc.filter((g) => g.guarded).map((g) => g.evidence)];
    if (auth.length > 0) return pass("Requests are authenticated.", auth.slice(0, 5));
    return fail(`${describeEndpoints(endpoints)}, and no authentication found in the app or in front of it.`, all.slice(0, 3));
  },
};
