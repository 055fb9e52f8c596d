import type { z } from "zod";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Scope } from "@/lib/initiatives/initiative-input";

/**
 * Input read by its schema, or a ValidationError naming each field's problem ("goal.checkId", "deadline"),
 * the same answer for the API (400) and the form. Shared by create and update.
 */
export function parseInitiativeInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...issue.path, key]) : [issue.path];
    for (const path of paths)
      fields[path.map(String).join(".") || "body"] ??= issue.code === "unrecognized_keys" ? "not a field of an initiative" : issue.message;
  }
  throw new ValidationError(
    `invalid initiative: ${Object.entries(fields)
      .map(([f, m]) => `${f}: ${m}`)
      .join("; ")}`,
    { fields },
  );
}

/** Refuses a scope naming a team or source Dozen does not have: a typo would silently cover nothing. */
export async function checkScopeNames(scope: Scope): Promise<void> {
  const [teams, sources] = await Promise.all([
    scope.teams.length ? db().team.findMany({ where: { slug: { in: scope.teams } }, select: { slug: true } }) : [],
    scope.sources.length ? db().source.findMany({ where: { name: { in: scope.sources }, deletedAt: null }, select: { name: true } }) : [],
  ]);
  const fields: Record<string, string> = {};
  const missingTeams = scope.teams.filter((t) => !teams.some((x) => x.slug === t));
  const missingSources = scope.sources.filter((s) => !sources.some((x) => x.name === s));
  if (missingTeams.length) fields["scope.teams"] = `no team ${missingTeams.map((t) => `"${t}"`).join(", ")}`;
  if (missingSources.length) fields["scope.sources"] = `no source ${missingSources.map((s) => `"${s}"`).join(", ")}`;
  if (Object.keys(fields).length)
    throw new ValidationError(
      `invalid initiative: ${Object.entries(fields)
        .map(([f, m]) => `${f}: ${m}`)
        .join("; ")}`,
      { fields },
    );
}
