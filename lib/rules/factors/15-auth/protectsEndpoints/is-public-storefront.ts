import { findDependencies } from "@/lib/rules/helpers/dependencies";
import { findPageRendering } from "@/lib/rules/helpers/http-server";
import type { RepoEvidence } from "@/lib/rules/types";
import type { ServiceFacts } from "@/lib/facts/types";
import { STOREFRONT_ROUTE, VIEW_ENGINE_PACKAGES } from "@/lib/rules/factors/15-auth/protectsEndpoints/endpoint-patterns";

/**
 * A public storefront: a web front end that renders pages for browsers and serves a cart or a checkout. Its
 * shoppers browse, fill a cart and check out without an account by design, so its pages are not judged on
 * requiring authentication (the APIs behind it are). A back-office UI renders pages too, but sells nothing.
 */
export function isPublicStorefront(facts: ServiceFacts, routes: readonly RepoEvidence[]): boolean {
  const rendersPages = findPageRendering(facts).length > 0 || findDependencies(facts, VIEW_ENGINE_PACKAGES).length > 0;
  return rendersPages && routes.some((r) => STOREFRONT_ROUTE.test(r.snippet));
}
