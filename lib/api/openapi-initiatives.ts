import type { ZodOpenApiOperationObject, ZodOpenApiPathsObject, ZodOpenApiResponseObject } from "zod-openapi";
import type { z } from "zod";
import {
  createInitiativeBody,
  initiativeList,
  initiativeListQuery,
  initiativeProgress,
  initiativeSchema,
  updateInitiativeBody,
} from "@/lib/api/schemas/initiatives";
import { slugParams } from "@/lib/api/schemas/services";

/** The document's helpers (openapi-document.ts), passed in so this file needs nothing back from it. */
interface Helpers {
  read: (opts: Omit<ZodOpenApiOperationObject, "responses"> & { schema: z.ZodType; notFound?: string }) => ZodOpenApiOperationObject;
  json: (schema: z.ZodType) => { content: { "application/json": { schema: z.ZodType } } };
  error: (description: string) => ZodOpenApiResponseObject;
}

const BAD_INITIATIVE =
  "The body is invalid: an unknown check or factor, a team or source Dozen does not have, a deadline before the start; `fields` names each problem.";

/** The v1 paths of initiatives (issue 15 part 4): reads for everyone, changes for admins. */
export function initiativePaths({ read, json, error }: Helpers): ZodOpenApiPathsObject {
  const notFound = "No initiative has this slug.";
  return {
    "/api/v1/initiatives": {
      get: read({
        summary: "List initiatives and where each stands",
        description: "Progress is worked out once per scan: `services` in scope the goal applies to, how many `met` it, and the `state`.",
        tags: ["initiatives"],
        requestParams: { query: initiativeListQuery },
        schema: initiativeList,
      }),
      post: {
        summary: "Start an initiative (admins)",
        description:
          "A goal over a scope with a deadline. `goal`: `{ kind: check, checkId }`, `{ kind: factor, factor, min }`, `{ kind: score, min }` or `{ kind: grade, min }`. `scope`: team slugs, service kinds, source names (empty: the whole fleet). Its progress is worked out at once.",
        tags: ["initiatives"],
        requestBody: json(createInitiativeBody),
        responses: { "201": { description: "Started. `Location` names it.", ...json(initiativeSchema) }, "400": error(BAD_INITIATIVE) },
      },
    },
    "/api/v1/initiatives/{slug}": {
      get: read({
        summary: "One initiative",
        tags: ["initiatives"],
        requestParams: { path: slugParams },
        schema: initiativeSchema,
        notFound,
      }),
      patch: {
        summary: "Change, close (`closed: true`) or reopen an initiative (admins)",
        tags: ["initiatives"],
        requestParams: { path: slugParams },
        requestBody: json(updateInitiativeBody),
        responses: {
          "200": { description: "Changed; progress re-judged.", ...json(initiativeSchema) },
          "400": error(BAD_INITIATIVE),
          "404": error(notFound),
        },
      },
      delete: {
        summary: "Delete an initiative and its history (admins; closing keeps the history)",
        tags: ["initiatives"],
        requestParams: { path: slugParams },
        responses: { "204": { description: "Deleted." }, "404": error(notFound) },
      },
    },
    "/api/v1/initiatives/{slug}/progress": {
      get: read({
        summary: "An initiative's progress over time, per team, who is late and what is left",
        tags: ["initiatives"],
        requestParams: { path: slugParams },
        schema: initiativeProgress,
        notFound,
      }),
    },
  };
}
