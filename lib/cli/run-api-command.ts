import { parseArgs, type ParseArgsConfig } from "node:util";
import { z } from "zod";
import { apiHeaders } from "@/lib/cli/api-headers";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { apiErrorBody } from "@/lib/api/schemas/common";
import { channelList, channelSchema, createChannelBody } from "@/lib/api/schemas/channels";
import { initiativeList, initiativeSchema } from "@/lib/api/schemas/initiatives";
import { scanDetail, scanList, scanSummary } from "@/lib/api/schemas/scans";
import { serviceDetail, serviceList } from "@/lib/api/schemas/services";
import { teamDetail, teamList } from "@/lib/api/schemas/teams";

const USAGE =
  `"services", "teams", "scans", "initiatives" and "channels" take: services [list|show <slug>], teams [list|show <slug>], ` +
  `scans [list|show <id>|start <sourceId>], initiatives [list], channels [list [--team SLUG]|add --team SLUG --kind slack|teams|webhook|email ` +
  `--address URL|- [--secret KEY] [--min-score-drop N] [--fleet-digest]|remove <id>].`;

/** The options `channels add` and `channels list` take besides --url and --json. */
const CHANNEL_OPTIONS: NonNullable<ParseArgsConfig["options"]> = {
  team: { type: "string" },
  kind: { type: "string" },
  address: { type: "string" },
  secret: { type: "string" },
  "min-score-drop": { type: "string" },
  "fleet-digest": { type: "boolean" },
};
type ChannelValues = {
  team?: string;
  kind?: string;
  address?: string;
  secret?: string;
  "min-score-drop"?: string;
  "fleet-digest"?: boolean;
};

type Call = { method: "GET" | "POST" | "DELETE"; path: string; body?: unknown; schema: z.ZodType; print: (data: never) => string };

const score = (s: number | null) => (s === null ? "–" : String(Math.round(s)));

/** What each `dozen <noun> <verb>` asks the v1 API, and how its answer prints as text. */
function callFor(noun: string, verb: string, arg: string | undefined, values: ChannelValues = {}): Call {
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
  if (noun === "initiatives" && verb === "list" && !arg)
    return {
      method: "GET",
      path: "/api/v1/initiatives",
      schema: initiativeList,
      print: (d: z.output<typeof initiativeList>) => (d.items.length ? d.items.map(initiativeLine).join("\n") : "No open initiatives."),
    };
  if (noun === "channels") return channelCall(verb, arg, values);
  throw new UsageError(USAGE);
}

const STATE_WORDS = { done: "done", onTrack: "on track", atRisk: "at risk", late: "late", closed: "closed" } as const;

/** An open initiative's line: slug, name, deadline, progress (percent and services), where it stands. */
const initiativeLine = (i: z.output<typeof initiativeSchema>) =>
  [i.slug, i.name, `due ${i.deadline}`, `${i.percent}% (${i.met}/${i.services})`, STATE_WORDS[i.state]].join("\t");

/** A channel's line: id, team, kind, where (host and the URL's last 4 characters, never the URL), last delivery. */
const channelLine = (c: z.output<typeof channelSchema>) =>
  [c.id, c.team, c.kind, `${c.host} …${c.hint}`, c.lastDelivery ? `${c.lastDelivery.status} ${c.lastDelivery.at}` : "never sent"].join(
    "\t",
  );

function channelCall(verb: string, arg: string | undefined, values: ChannelValues): Call {
  if (verb === "list" && !arg)
    return {
      method: "GET",
      path: `/api/v1/channels${values.team ? `?team=${encodeURIComponent(values.team)}` : ""}`,
      schema: channelList,
      print: (d: z.output<typeof channelList>) => (d.items.length ? d.items.map(channelLine).join("\n") : "No channels."),
    };
  if (verb === "add" && !arg) {
    // Checked here with the API's own contract, so a typo is a usage error before anything is sent.
    const input = createChannelBody.safeParse({
      team: values.team,
      kind: values.kind,
      url: values.address,
      secret: values.secret,
      ...(values["min-score-drop"] === undefined ? {} : { minScoreDrop: values["min-score-drop"] }),
      fleetDigest: values["fleet-digest"] ?? false,
    });
    if (!input.success) throw new UsageError(`${z.prettifyError(input.error)}\n${USAGE}`);
    return {
      method: "POST",
      path: "/api/v1/channels",
      body: input.data,
      schema: channelSchema,
      print: (c: z.output<typeof channelSchema>) => `Added channel ${c.id}: ${channelLine(c)}`,
    };
  }
  if (verb === "remove" && arg && /^\d+$/.test(arg))
    return { method: "DELETE", path: `/api/v1/channels/${arg}`, schema: z.null(), print: () => `Removed channel ${arg}.` };
  throw new UsageError(USAGE);
}

/**
 * `dozen services|teams|scans|initiatives|channels …`: reads (or starts a scan) through a running Dozen's v1 API (`--url`, else
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
  /** Where `--address -` is read from; the process's stdin unless a test gives its own. */
  readStdin?: () => Promise<string>;
}): Promise<number> {
  const { values, positionals } = parseArgs({
    args: opts.args,
    allowPositionals: true,
    options: { url: { type: "string" }, json: { type: "boolean" }, ...(opts.noun === "channels" ? CHANNEL_OPTIONS : {}) },
  });
  const [verb = "list", arg, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(USAGE);
  // A webhook URL is a credential: `--address -` reads it from stdin, out of the process list and shell history.
  const channelValues = values as ChannelValues;
  if (channelValues.address === "-") channelValues.address = (await (opts.readStdin ?? readStdin)()).trim();
  const call = callFor(opts.noun, verb, arg, channelValues);
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

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}
