import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { ConflictError } from "@/lib/errors";
import { githubSourceConfig } from "@/lib/sources/kinds/github/github-source-config";
import { QUEUES } from "@/lib/jobs/queues";

/** What adding a GitHub source takes (API body, CLI, UI form): the contract, never a credential. */
export const registerGitHubSourceInput = z.object({
  name: z.string().trim().min(1).max(100),
  /** Organisation (or user) login. */
  owner: z.string().trim().regex(/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/, "a GitHub organisation or user login"),
  /** Cron (UTC); null: on demand only; omitted: DOZEN_DEFAULT_SCHEDULE. */
  schedule: z.string().trim().min(9).max(100).nullable().optional(),
  config: githubSourceConfig.prefault({}),
});
export type RegisterGitHubSourceInput = z.input<typeof registerGitHubSourceInput>;

/**
 * Registers a GitHub organisation or user as a source and, when it has a schedule, registers its pg-boss
 * cron entry at once (keyed by source id, as syncSchedules does), so it is scanned without a worker restart.
 * Throws ConflictError when the name is taken.
 */
export async function registerGitHubSource(opts: { input: RegisterGitHubSourceInput; boss?: PgBoss }): Promise<{ id: number; schedule: string | null }> {
  const input = registerGitHubSourceInput.parse(opts.input);
  const taken = await db().source.findUnique({ where: { name: input.name }, select: { id: true } });
  if (taken) throw new ConflictError(`a source named "${input.name}" already exists`);
  const schedule = input.schedule === undefined ? env().DOZEN_DEFAULT_SCHEDULE : input.schedule;
  const source = await db().source.create({
    data: { name: input.name, kind: "github", location: input.owner, config: input.config, schedule },
    select: { id: true },
  });
  if (schedule && opts.boss) {
    await opts.boss.schedule(QUEUES.scheduledScan, schedule, { sourceId: source.id }, { key: String(source.id), tz: "UTC" });
  }
  return { id: source.id, schedule };
}
