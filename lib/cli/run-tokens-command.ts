import { parseArgs } from "node:util";
import { z } from "zod";
import { createApiTokenInput } from "@/lib/auth/api-tokens/api-token-input";
import { createApiToken } from "@/lib/auth/api-tokens/create-api-token";
import { listApiTokens, type ApiTokenSummary } from "@/lib/auth/api-tokens/list-api-tokens";
import { revokeApiToken } from "@/lib/auth/api-tokens/revoke-api-token";
import { ConflictError, NotFoundError } from "@/lib/errors";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";

const USAGE = `"tokens" takes: create --name NAME --role viewer|maintainer|admin [--team SLUG]... [--expires-in 90d|12h|1y|never], list [--json], revoke <id|prefix>.`;

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 16).replace("T", " ") : "–");

/** One line of `dozen tokens list`: id, prefix, role (and teams), name, state, expiry, last use. */
function line(t: ApiTokenSummary, now: Date): string {
  const state = t.revokedAt ? "revoked" : t.expiresAt && t.expiresAt <= now ? "expired" : "active";
  const role = t.teams.length ? `${t.role}(${t.teams.join(",")})` : t.role;
  const used = t.lastUsedAt ? `${day(t.lastUsedAt)} from ${t.lastUsedFrom ?? "?"}` : "never used";
  return [t.id, `${t.prefix}…`, role, t.name, state, `expires ${day(t.expiresAt)}`, used].join("\t");
}

/**
 * `dozen tokens create|list|revoke`: the admin command for API tokens, acting on the database itself (not
 * through the web), so the first admin token needs no token. `openDatabase` points lib/db at DATABASE_URL or
 * the embedded database (lib/ops/open-admin-database). A new token's secret is the only thing on stdout, so
 * `DOZEN_TOKEN=$(dozen tokens create …)` works; what it is goes to stderr. Exit 0 ok, 1 not found or
 * ambiguous, 2 usage.
 */
export async function runTokensCommand(opts: {
  args: string[];
  output: CliOutput;
  /** Who ran the command (`dozen tokens (alice)`): the tokens' `createdBy` and the audit log's actor. */
  createdBy: string;
  openDatabase: () => Promise<{ close(): Promise<void> }>;
}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: opts.args,
    allowPositionals: true,
    options: {
      name: { type: "string" },
      role: { type: "string" },
      team: { type: "string", multiple: true },
      "expires-in": { type: "string" },
      json: { type: "boolean" },
    },
  });
  const [verb, ref, ...extra] = positionals;
  if (extra.length > 0 || (verb === "revoke") !== (ref !== undefined)) throw new UsageError(USAGE);
  if (verb !== "create" && verb !== "list" && verb !== "revoke") throw new UsageError(USAGE);
  const input = createApiTokenInput.safeParse({
    name: values.name,
    role: values.role,
    teams: values.team,
    expiresIn: values["expires-in"],
  });
  if (verb === "create" && !input.success) throw new UsageError(`${z.prettifyError(input.error)}\n${USAGE}`);

  // An admin command has no request: its actor is whoever ran it, and it comes from no address.
  const audit = { actor: { kind: "local" as const, id: "cli", name: opts.createdBy }, origin: null };
  const database = await opts.openDatabase();
  try {
    if (verb === "create" && input.success) {
      const made = await createApiToken({ input: input.data, audit });
      opts.output.out(made.secret);
      opts.output.err(
        `Created API token ${made.id} "${made.name}" (${input.data.role}, ${made.expiresAt ? `expires ${made.expiresAt.toISOString()}` : "never expires"}).\n` +
          `Shown only this once: store it now. Clients send it as "Authorization: Bearer <token>"; the CLI reads DOZEN_TOKEN.`,
      );
      return 0;
    }
    if (verb === "list") {
      const tokens = await listApiTokens();
      const now = new Date();
      opts.output.out(
        values.json ? JSON.stringify(tokens, null, 2) : tokens.length ? tokens.map((t) => line(t, now)).join("\n") : "No API tokens.",
      );
      return 0;
    }
    const revoked = await revokeApiToken({ ref: ref ?? "", audit });
    opts.output.out(
      `${revoked.alreadyRevoked ? "Already revoked" : "Revoked"}: API token ${revoked.id} "${revoked.name}" (${revoked.prefix}…).`,
    );
    return 0;
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ConflictError) {
      opts.output.err(`dozen: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await database.close();
  }
}
