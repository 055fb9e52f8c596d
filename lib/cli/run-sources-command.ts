import { parseArgs, type ParseArgsConfig } from "node:util";
import { apiHeaders } from "@/lib/cli/api-headers";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { toApiConfig } from "@/lib/api/source-config";
import { SOURCE_KINDS, findSourceKind } from "@/lib/sources/kinds/registry";

const COMMON: NonNullable<ParseArgsConfig["options"]> = {
  url: { type: "string" },
  schedule: { type: "string" },
  "on-demand": { type: "boolean" },
};

/** The kinds a running Dozen can be told to add from the command line. */
const CLI_KINDS = Object.values(SOURCE_KINDS).filter((k) => k.cli);

/**
 * `dozen sources add <kind> <name> [options]`: adds a source through a running Dozen (`--url`, else
 * DOZEN_URL), validated first with the same zod contract the API uses (the kind's own input schema, its
 * options its own). Exit 0 added, 1 refused by the server (name taken, unreachable), 2 bad input.
 */
export async function runSourcesCommand(opts: { args: string[]; url: string; token?: string; output: CliOutput }): Promise<number> {
  const kinds = CLI_KINDS.map((k) => k.kind).join("|");
  // The kind decides which options exist: a first pass with every kind's options finds it wherever the options stand.
  const everyOption = Object.assign({}, COMMON, ...CLI_KINDS.map((k) => k.cli?.options));
  const [verb, kindName] = parseArgs({ args: opts.args, allowPositionals: true, options: everyOption }).positionals;
  const kind = kindName ? findSourceKind(kindName) : undefined;
  if (verb !== "add" || !kindName) throw new UsageError(`"sources" takes: add ${kinds} <name> [options].`);
  if (!kind?.cli) throw new UsageError(`Unknown source kind "${kindName}" (${CLI_KINDS.map((k) => k.kind).join(" or ")}).`);
  const { values, positionals } = parseArgs({ args: opts.args, allowPositionals: true, options: { ...COMMON, ...kind.cli.options } });
  const [, , name, ...extra] = positionals;
  if (!name || extra.length > 0) throw new UsageError(`"sources" takes: add ${kinds} <name> [options].`);
  const schedule = values["on-demand"] ? null : (values.schedule as string | undefined);
  const parsed = kind.input.safeParse(kind.cli.toInput({ name, schedule, values }));
  if (!parsed.success) {
    opts.output.err(`dozen: invalid source:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    return 2;
  }
  // An omitted schedule stays omitted (JSON drops undefined): the server's DOZEN_DEFAULT_SCHEDULE applies.
  const input = parsed.data as Record<string, unknown>;
  const body = JSON.stringify({ kind: kind.kind, name: input.name, schedule: input.schedule, config: toApiConfig(kind, input) });
  const base = ((values.url as string | undefined) ?? opts.url).replace(/\/$/, "");
  let response: Response;
  try {
    response = await fetch(`${base}/api/v1/sources`, { method: "POST", headers: apiHeaders({ token: opts.token, json: true }), body });
  } catch (error) {
    opts.output.err(
      `dozen: cannot reach Dozen at ${base} (set DOZEN_URL or --url): ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`,
    );
    return 1;
  }
  const answer: unknown = await response.json().catch(() => ({}));
  if (response.status !== 201) {
    const refusal = apiErrorBody.safeParse(answer);
    const fields = refusal.success ? Object.entries(refusal.data.error.fields ?? {}).map(([f, m]) => `${f}: ${m}`) : [];
    opts.output.err(
      `dozen: ${refusal.success ? refusal.data.error.message : `HTTP ${response.status}`}${fields.length ? `\n  ${fields.join("\n  ")}` : ""}`,
    );
    return response.status === 400 ? 2 : 1;
  }
  const { id, schedule: cron } = answer as { id: number; schedule: string | null };
  opts.output.out(
    `Added ${kind.kind} source "${name}" (id ${id}), ${cron ? `scanned on "${cron}" (UTC)` : "scanned on demand only"}.\nScan now: dozen scans start ${id} (POST ${base}/api/v1/scans)`,
  );
  return 0;
}
