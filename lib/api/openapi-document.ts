import { initiativePaths } from "@/lib/api/openapi-initiatives";
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiResponsesObject } from "zod-openapi";
import type { z } from "zod";
import { auditEventList, auditEventListQuery } from "@/lib/api/schemas/audit";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { checkInfoSchema, checkList, checkListQuery, checkParams, factorList, factorListQuery } from "@/lib/api/schemas/catalogue";
import { createScanBody, idParams, scanDetail, scanDetailQuery, scanList, scanListQuery, scanSummary } from "@/lib/api/schemas/scans";
import {
  findingGuide,
  findingGuideParams,
  findingGuideQuery,
  serviceDetail,
  serviceList,
  serviceListQuery,
  slugParams,
} from "@/lib/api/schemas/services";
import { createSourceBody, sourceList, sourceListQuery, sourceSchema, updateSourceBody } from "@/lib/api/schemas/sources";
import { teamDetail, teamList, teamListQuery } from "@/lib/api/schemas/teams";
import {
  createdTeam,
  createOwnershipRuleBody,
  createTeamBody,
  ownerAssignmentBody,
  ownerAssignmentResult,
  ownershipRuleList,
  ruleChange,
  updateOwnershipRuleBody,
} from "@/lib/api/schemas/ownership";
import {
  channelList,
  channelListQuery,
  channelSchema,
  createChannelBody,
  deliveryList,
  deliveryListQuery,
} from "@/lib/api/schemas/channels";
import { createExemptionBody, exemptionList, exemptionListQuery, exemptionSchema, revokeExemptionBody } from "@/lib/api/schemas/exemptions";

const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
const error = (description: string) => ({ description, ...json(apiErrorBody) });

/** A read: 200 with its schema (and an ETag), 304 for a matching If-None-Match, 400 for a bad query. */
function read(
  opts: Omit<ZodOpenApiOperationObject, "responses"> & { schema: z.ZodType; notFound?: string; forbidden?: string },
): ZodOpenApiOperationObject {
  const { schema, notFound, forbidden, ...operation } = opts;
  const responses: ZodOpenApiResponsesObject = {
    "200": {
      description: "OK",
      headers: { ETag: { description: "Weak validator of the body: send it back as If-None-Match.", schema: { type: "string" } } },
      ...json(schema),
    },
    "304": { description: "Not modified: the If-None-Match ETag still matches." },
    "400": error("A query parameter or path parameter is invalid (`fields` names each)."),
    ...(forbidden ? { "403": error(forbidden) } : {}),
    ...(notFound ? { "404": error(notFound) } : {}),
  };
  return { ...operation, parameters: [{ in: "header", name: "If-None-Match", required: false, schema: { type: "string" } }], responses };
}

/** Pause or resume: idempotent, answers the source. */
function pausing(summary: string): ZodOpenApiOperationObject {
  return {
    summary,
    tags: ["sources"],
    requestParams: { path: idParams },
    responses: { "200": { description: "The source.", ...json(sourceSchema) }, "404": error("No source has this id, or it was deleted.") },
  };
}

/**
 * The v1 API's OpenAPI 3.1 document, generated from the very zod schemas the route handlers parse requests
 * and answers with: the contract cannot drift from the code. Served at /api/v1/openapi.json, shown at /api/docs.
 */
export function openApiDocument() {
  const document = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Dozen API",
      version: "1",
      description:
        "Twelve-factor audits of a fleet: services, teams, the check catalogue, scans, sources and initiatives. Lists are paged by an opaque cursor (`limit`, `cursor` → `nextCursor`); every error has the one body `{ error: { code, message, fields? } }`; reads carry an ETag. With sign-in configured every call needs a signed-in session or an API token: 401 without one, 403 when its role does not allow the call (reads: viewer; scans: maintainer; sources and initiatives: admin). In local mode (no sign-in, loopback only) nothing is needed.",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/v1/services": {
        get: read({
          summary: "List services, filtered and sorted like the heatmap",
          tags: ["services"],
          requestParams: { query: serviceListQuery },
          schema: serviceList,
        }),
      },
      "/api/v1/services/{slug}": {
        get: read({
          summary: "A service with its score, grade, factor scores and findings",
          tags: ["services"],
          requestParams: { path: slugParams },
          schema: serviceDetail,
          notFound: "No service has this slug.",
        }),
      },
      "/api/v1/services/{slug}/findings/{ruleId}/guide": {
        get: read({
          summary: "A finding's remediation guide, filled from its evidence and in the code's language",
          description:
            "What the service page loads when a finding is opened: the check's guide for this service's latest finding of it (`origin` says which: the repository's or the cluster's), rendered once per distinct guide.",
          tags: ["services"],
          requestParams: { path: findingGuideParams, query: findingGuideQuery },
          schema: findingGuide,
          notFound: "No service has this slug, its latest scan has no finding of this check, or the check has no guide.",
        }),
      },
      "/api/v1/teams": {
        get: read({ summary: "List teams, worst score first", tags: ["teams"], requestParams: { query: teamListQuery }, schema: teamList }),
        post: {
          summary: "Make a team (admins)",
          description: "The only way a team is made by hand: assigning services and writing rules name existing teams only.",
          tags: ["teams"],
          requestBody: json(createTeamBody),
          responses: {
            "201": { description: "Made. `Location` names the team.", ...json(createdTeam) },
            "400": error("The name is invalid; `fields` names the problem."),
            "403": error("The caller is not an admin."),
            "409": error("A team has this slug."),
          },
        },
      },
      "/api/v1/ownership-rules": {
        get: read({
          summary: "List the ownership rules in the order they apply",
          description:
            "The instance file's rules (DOZEN_OWNERSHIP_FILE; `id` null) first, then those made in the UI or API. Each says how many live services it owns now.",
          tags: ["ownership"],
          schema: ownershipRuleList,
        }),
        post: {
          summary: "Add an ownership rule (admins)",
          description:
            "`kind`: `codeowners` (a CODEOWNERS group, e.g. `@acme/payments`), `repository` (`acme/pay-*`), `path` (a folder in the source, `services/pay/**`), `namespace` (a Kubernetes namespace of its workloads) or `label` (`key=value`). Patterns are globs: `*` within a segment, `**` across. `team` must exist. Ownership is re-applied to every service at once, without a scan.",
          tags: ["ownership"],
          requestBody: json(createOwnershipRuleBody),
          responses: {
            "201": { description: "Added and applied. `Location` names the rule.", ...json(ruleChange) },
            "400": error("The body is invalid or the team does not exist; `fields` names each problem."),
            "403": error("The caller is not an admin."),
          },
        },
      },
      "/api/v1/ownership-rules/{id}": {
        patch: {
          summary: "Change an ownership rule (admins)",
          tags: ["ownership"],
          requestParams: { path: idParams },
          requestBody: json(updateOwnershipRuleBody),
          responses: {
            "200": { description: "Changed and applied.", ...json(ruleChange) },
            "400": error("The change is invalid or the team does not exist."),
            "403": error("The caller is not an admin."),
            "404": error("No rule has this id."),
          },
        },
        delete: {
          summary: "Delete an ownership rule (admins)",
          tags: ["ownership"],
          requestParams: { path: idParams },
          responses: {
            "204": { description: "Deleted; ownership re-applied." },
            "403": error("The caller is not an admin."),
            "404": error("No rule has this id."),
          },
        },
      },
      "/api/v1/owner-assignments": {
        post: {
          summary: "Set the owner of many services at once",
          description:
            "To an existing team (by slug or name), by hand: it wins over the rules until handed back with `team: null`. Admins, or maintainers of the team and of every team the services leave.",
          tags: ["ownership"],
          requestBody: json(ownerAssignmentBody),
          responses: {
            "200": { description: "Assigned.", ...json(ownerAssignmentResult) },
            "400": error("The body is invalid, a slug names no service, or the team does not exist."),
            "403": error("The caller may not move these services or give them to this team."),
          },
        },
      },
      "/api/v1/teams/{slug}": {
        get: read({
          summary: "A team's score, grades, factor means, fix-first list and services",
          tags: ["teams"],
          requestParams: { path: slugParams },
          schema: teamDetail,
          notFound: "No team has this slug.",
        }),
      },
      "/api/v1/factors": {
        get: read({
          summary: "The factors Dozen audits",
          tags: ["catalogue"],
          requestParams: { query: factorListQuery },
          schema: factorList,
        }),
      },
      "/api/v1/checks": {
        get: read({ summary: "The check catalogue", tags: ["catalogue"], requestParams: { query: checkListQuery }, schema: checkList }),
      },
      "/api/v1/checks/{id}": {
        get: read({
          summary: "One check",
          tags: ["catalogue"],
          requestParams: { path: checkParams },
          schema: checkInfoSchema,
          notFound: "No check has this id.",
        }),
      },
      "/api/v1/scans": {
        get: read({ summary: "List scans, newest first", tags: ["scans"], requestParams: { query: scanListQuery }, schema: scanList }),
        post: {
          summary: "Scan a source now",
          tags: ["scans"],
          requestBody: json(createScanBody),
          responses: {
            "202": { description: "Queued: the workers will scan the source. `Location` names the scan.", ...json(scanSummary) },
            "200": { description: "The source already has a queued or running scan: that one.", ...json(scanSummary) },
            "400": error("The body is invalid."),
            "404": error("No source has this id."),
          },
        },
      },
      "/api/v1/scans/{id}": {
        get: read({
          summary: "A scan with one page of its targets' status",
          tags: ["scans"],
          requestParams: { path: idParams, query: scanDetailQuery },
          schema: scanDetail,
          notFound: "No scan has this id.",
        }),
      },
      "/api/v1/sources": {
        get: read({ summary: "List sources", tags: ["sources"], requestParams: { query: sourceListQuery }, schema: sourceList }),
        post: {
          summary: "Add a source, scheduled at once",
          tags: ["sources"],
          requestBody: json(createSourceBody),
          responses: {
            "201": { description: "Added. `Location` names the source.", ...json(sourceSchema) },
            "400": error(
              "The body is invalid, or the server refuses it (a directory or kubeconfig it cannot see); `fields` names each problem.",
            ),
            "409": error("A source has this name."),
          },
        },
      },
      "/api/v1/sources/{id}": {
        get: read({
          summary: "One source",
          tags: ["sources"],
          requestParams: { path: idParams },
          schema: sourceSchema,
          notFound: "No source has this id.",
        }),
        patch: {
          summary: "Change a source's name, schedule or config",
          tags: ["sources"],
          requestParams: { path: idParams },
          requestBody: json(updateSourceBody),
          responses: {
            "200": { description: "Changed; its cron entry follows the new schedule.", ...json(sourceSchema) },
            "400": error("The change is invalid, or changes the kind; `fields` names each problem."),
            "404": error("No source has this id, or it was deleted."),
            "409": error("Another source has this name."),
          },
        },
        delete: {
          summary: "Delete a source, keeping its history",
          description:
            "It leaves the lists and the scheduler, queued scans are closed and its services marked gone; its scans and the services' findings stay readable.",
          tags: ["sources"],
          requestParams: { path: idParams },
          responses: { "204": { description: "Deleted." }, "404": error("No source has this id, or it was deleted.") },
        },
      },
      "/api/v1/sources/{id}/pause": {
        post: pausing("Pause a source's scheduled scans (scan now still works)"),
      },
      "/api/v1/sources/{id}/resume": {
        post: pausing("Resume a paused source's schedule"),
      },
      "/api/v1/audit-events": {
        get: read({
          summary: "List the audit log, newest first (admins only)",
          description:
            "Every change made through Dozen (sources, scans started, owners, tokens, settings): who, when, what and from where. Append-only. CSV of the same filters: `GET /api/export/audit`.",
          tags: ["audit"],
          requestParams: { query: auditEventListQuery },
          schema: auditEventList,
          forbidden: "The caller is not an admin.",
        }),
      },
      "/api/v1/exemptions": {
        get: read({
          summary: "List exemptions (those covering a service with ?service=, a team's with ?team=)",
          description: "Newest first. `status` says whether each is pending, active, revoked or expired.",
          tags: ["exemptions"],
          requestParams: { query: exemptionListQuery },
          schema: exemptionList,
        }),
        post: {
          summary: "Exempt a check: one finding, a service, a team or a source (maintainers of the team; admins)",
          description:
            "`kind`: `false-positive`, `accepted-risk` or `not-applicable`; `reason` is required; `expiresAt` (a day or an instant) is required for an accepted risk and at most DOZEN_EXEMPTION_MAX_DAYS ahead. An exempt failing check does not count against the score until it expires or is revoked. With DOZEN_EXEMPTION_APPROVAL requiring it, a maintainer's exemption is `pending` until an admin approves it.",
          tags: ["exemptions"],
          requestBody: json(createExemptionBody),
          responses: {
            "201": { description: "Made (active, or pending approval). `Location` names it.", ...json(exemptionSchema) },
            "400": error(
              "The body is invalid, the expiry is missing, past or too far, or the check was never judged there; `fields` names each problem.",
            ),
            "404": error("No service, team or source has this name."),
          },
        },
      },
      "/api/v1/exemptions/{id}/approve": {
        post: {
          summary: "Approve a pending exemption (admins)",
          tags: ["exemptions"],
          requestParams: { path: idParams },
          responses: {
            "200": { description: "Approved: it exempts from now on.", ...json(exemptionSchema) },
            "404": error("No exemption has this id."),
            "409": error("It is not waiting for approval."),
          },
        },
      },
      "/api/v1/exemptions/{id}/revoke": {
        post: {
          summary: "Revoke an exemption (maintainers of its team; admins)",
          tags: ["exemptions"],
          requestParams: { path: idParams },
          requestBody: { required: false, ...json(revokeExemptionBody) },
          responses: {
            "200": { description: "Revoked: its findings count again.", ...json(exemptionSchema) },
            "404": error("No exemption has this id."),
            "409": error("Already revoked, or declared in code (remove it there)."),
          },
        },
      },
      "/api/v1/channels": {
        get: read({
          summary: "List notification channels (one team's with ?team=)",
          description: "Never a URL, address or secret: only the host (or mail domain) and the last 4 characters.",
          tags: ["notifications"],
          requestParams: { query: channelListQuery },
          schema: channelList,
        }),
        post: {
          summary: "Add a team's notification channel (admins, or maintainers of the team)",
          description:
            "`kind`: `slack` or `teams` (incoming webhook URL), `webhook` (any URL, with a `secret`: every delivery carries `X-Dozen-Signature-256: sha256=<hex HMAC-SHA256 of the body>`) or `email` (an address; needs DOZEN_SMTP_URL). A webhook's host must be in DOZEN_WEBHOOK_HOSTS. The URL and secret are stored encrypted and never answered.",
          tags: ["notifications"],
          requestBody: json(createChannelBody),
          responses: {
            "201": { description: "Added. `Location` names the channel.", ...json(channelSchema) },
            "400": error(
              "The body is invalid, the webhook host is not allowed, e-mail has no SMTP server, or no DOZEN_SECRET_KEY is set; `fields` names each problem.",
            ),
            "404": error("No team has this slug."),
          },
        },
      },
      "/api/v1/channels/{id}": {
        delete: {
          summary: "Delete a notification channel and its delivery log",
          tags: ["notifications"],
          requestParams: { path: idParams },
          responses: { "204": { description: "Deleted." }, "404": error("No channel has this id.") },
        },
      },
      "/api/v1/channels/{id}/deliveries": {
        get: read({
          summary: "A channel's delivery log, newest first",
          description:
            "Each event sent to the channel: status (`pending`, `sending`, `delivered`, `failed`), attempts and the last attempt's outcome, in Dozen's words (never the URL or the receiver's body).",
          tags: ["notifications"],
          requestParams: { path: idParams, query: deliveryListQuery },
          schema: deliveryList,
          notFound: "No channel has this id.",
        }),
      },
      ...initiativePaths({ read, json, error }),
    },
  });
  return withSignInAnswers(document);
}

type Operations = Record<string, { responses?: Record<string, unknown> }>;

/** Every operation may answer 401 (nobody signed in); a change also 403 (a role below what it needs). */
function withSignInAnswers<T extends { paths?: object }>(document: T): T {
  // The document is generated already: the error body is referenced by the id it was registered under.
  const body = { content: { "application/json": { schema: { $ref: `#/components/schemas/${apiErrorBody.meta()?.id}` } } } };
  const unauthenticated = { description: "Nobody is signed in: no session, an expired one, or no valid API token.", ...body };
  const forbidden = { description: "The caller's role (or teams) does not allow this change.", ...body };
  for (const item of Object.values((document.paths ?? {}) as Record<string, Operations>)) {
    for (const [method, operation] of Object.entries(item)) {
      operation.responses = { ...operation.responses, "401": unauthenticated, ...(method === "get" ? {} : { "403": forbidden }) };
    }
  }
  return document;
}
