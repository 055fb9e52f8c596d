import { parseArgs } from "node:util";
import type { z } from "zod";
import { apiHeaders } from "@/lib/cli/api-headers";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { scanDetail, scanList, scanSummary } from "@/lib/api/schemas/scans";
import { serviceDetail, serviceList } from "@/lib/api/schemas/services";
import { teamDetail, teamList } from "@/lib/api/schemas/teams";

const USAGE = `"services", "teams" and "scans" take: services [list|show <slug>], teams [list|show <slug>], scans [list|show <id>|start <sourceId>].`;

type Call = { method: "GET" | "POST"; path: string; body?: unknown; schema: z.ZodType; print: (data: never) => string };

const score = (s: number | null) => (s === null ? "–" : String(Math.round(s)));

/** What each `dozen <noun> <verb>` asks the v1 API, and how its answer prints as text. */
function callFor(noun: string, verb: string, arg: string | undefined): Call {
  const need = () => {
    if (!arg) throw new UsageError(USAGE);
    return encodeURIComponent(arg);
  };
  if (noun === "services" && verb === "list")
    return {
      method: "GET",
      path: "/api/v1/services?limit=200",
      schema: serviceList,
      print: (d: z.output<typeof serviceList>) =>
        d.items.map((s) => `${s.grade ?? "–"}\t${score(s.score)}\t${s.slug}\t${s.team ?? ""}`).join("\n"),
    };
  if (noun === "services" && verb === "show")
    return {
      method: "GET",
      path: `/api/v1/services/${need()}`,
      schema: serviceDetail,
      print: (d: z.output<typeof serviceDetail>) =>
        [
          `${d.name} (${d.slug}): ${score(d.score)} ${d.grade ?? ""}`,
          ...d.findings.filter((f) => f.outcome === "fail").map((f) => `  fail ${f.ruleId}: ${f.message}`),
        ].join("\n"),
    };
  if (noun === "teams" && verb === "list")
    return {
      method: "GET",
      path: "/api/v1/teams?limit=200",
      schema: teamList,
      print: (d: z.output<typeof teamList>) => d.items.map((t) => `${score(t.score)}\t${t.slug}\t${t.services} services`).join("\n"),
    };
  if (noun === "teams" && verb === "show")
    return {
      method: "GET",
      path: `/api/v1/teams/${need()}`,
      schema: teamDetail,
      print: (d: z.output<typeof teamDetail>) =>
        [
          `${d.name} (${d.slug}): ${score(d.score)}, ${d.serviceCount} services`,
          ...d.services.map((s) => `  ${s.grade ?? "–"}\t${score(s.score)}\t${s.slug}`),
        ].join("\n"),
    };
  const scanLine = (s: z.output<typeof scanSummary>) =>
    `#${s.id}\t${s.status}\t${s.source}\t${s.targetsDone}/${s.targetsTotal}\t${s.createdAt}`;
  if (noun === "scans" && verb === "list")
    return {
      method: "GET",
      path: "/api/v1/scans?limit=50",
      schema: scanList,
      print: (d: z.output<typeof scanList>) => d.items.map(scanLine).join("\n"),
    };
  if (noun === "scans" && verb === "show")
    return {
      method: "GET",
      path: `/api/v1/scans/${need()}?limit=200`,
      schema: scanDetail,
      print: (d: z.output<typeof scanDetail>) =>
        [scanLine(d), ...d.targets.items.map((t) => `  ${t.status}\t${t.targetKey}${t.error ? `\t${t.error}` : ""}`)].join("\n"),
    };
  if (noun === "scans" && verb === "start")
    return {
      method: "POST",
      path: "/api/v1/scans",
      body: { sourceId: Number(need()) },
      schema: scanSummary,
      print: scanLine as (d: never) => string,
    };
  throw new UsageError(USAGE);
}

/**
 * `dozen services|teams|scans …`: reads (or starts a scan) through a running Dozen's v1 API (`--url`, else
 * DOZEN_URL), each answer checked against the API's own schema. Text by default, `--json` for the body.
 * Exit 0 ok, 1 refused by the server or unreachable, 2 usage.
 */
export async function runApiCommand(opts: {
  noun: string;
  args: string[];
  url: string;
  /** DOZEN_TOKEN: sent as a bearer token. */
  token?: string;
  output: CliOutput;
}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: opts.args,
    allowPositionals: true,
    options: { url: { type: "string" }, json: { type: "boolean" } },
  });
  const [verb = "list", arg, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(USAGE);
  const call = callFor(opts.noun, verb, arg);
  const base = (values.url ?? opts.url).replace(/\/$/, "");
  let response: Response;
  try {
    response = await fetch(`${base}${call.path}`, {
      method: call.method,
      headers: apiHeaders({ token: opts.token, json: call.body !== undefined }),
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    });
  } catch (error) {
    opts.output.err(
      `dozen: cannot reach Dozen at ${base} (set DOZEN_URL or --url): ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`,
    );
    return 1;
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const refusal = apiErrorBody.safeParse(body);
    opts.output.err(`dozen: ${refusal.success ? refusal.data.error.message : `HTTP ${response.status}`}`);
    return 1;
  }
  const data = call.schema.parse(body);
  opts.output.out(values.json ? JSON.stringify(data, null, 2) : call.print(data as never));
  return 0;
}
