import { db } from "@/lib/db";
import { createApiTokenInput, expiryOf, type CreateApiTokenInput } from "@/lib/auth/api-tokens/api-token-input";
import { newTokenSecret } from "@/lib/auth/api-tokens/token-secret";

export interface CreatedApiToken {
  id: number;
  name: string;
  prefix: string;
  /** The whole token: shown once, to whoever made it, and never stored. */
  secret: string;
  expiresAt: Date | null;
}

/**
 * Makes an API token and returns its secret, the only time anyone sees it: the database keeps its SHA-256.
 * `createdBy` is who made it (a user's name, `local user`, `dozen tokens`). Throws a ZodError for bad input.
 */
export async function createApiToken(opts: { input: CreateApiTokenInput; createdBy: string; now?: Date }): Promise<CreatedApiToken> {
  const input = createApiTokenInput.parse(opts.input);
  const { secret, hash, prefix } = newTokenSecret();
  const expiresAt = expiryOf({ expiresIn: input.expiresIn, now: opts.now ?? new Date() });
  // Only a maintainer's teams mean anything: a viewer reads, an admin does, everything.
  const teams = input.role === "maintainer" ? [...new Set(input.teams)] : [];
  const row = await db().apiToken.create({
    data: { name: input.name, role: input.role, teams, prefix, hash, createdBy: opts.createdBy, expiresAt },
    select: { id: true, name: true, prefix: true, expiresAt: true },
  });
  return { ...row, secret };
}
