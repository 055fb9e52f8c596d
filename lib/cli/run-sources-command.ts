import { parseArgs } from "node:util";
import { UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { registerClusterSourceInput } from "@/lib/sources/kinds/kubernetes/register-cluster-source";
import { registerGitHubSourceInput } from "@/lib/sources/kinds/github/register-github-source";

const OPTIONS = {
  url: { type: "string" },
  schedule: { type: "string" },
  "on-demand": { type: "boolean" },
  owner: { type: "string" },
  user: { type: "boolean" },
  "token-env": { type: "string" },
  "api-base-url": { type: "string" },
  include: { type: "string", multiple: true },
  exclude: { type: "string", multiple: true },
  topic: { type: "string", multiple: true },
  kubeconfig: { type: "string" },
  context: { type: "string" },
  "in-cluster": { type: "boolean" },
  namespace: { type: "string", multiple: true },
  "exclude-namespace": { type: "string", multiple: true },
} as const;

/**
 * `dozen sources add github|kubernetes <name> [options]`: adds a source through a running Dozen
 * (`--url`, else DOZEN_URL), validated first with the same zod contract the API uses. Exit 0 added,
 * 1 refused by the server (name taken, unreachable), 2 bad input.
 */
export async function runSourcesCommand(opts: { args: string[]; url: string; output: CliOutput }): Promise<number> {
  const { values, positionals } = parseArgs({ args: opts.args, allowPositionals: true, options: OPTIONS });
  const [verb, kind, name, ...extra] = positionals;
  if (verb !== "add" || !kind || !name || extra.length > 0) throw new UsageError('"sources" takes: add github|kubernetes <name> [options].');
  const schedule = values["on-demand"] ? null : values.schedule;
  const parsed =
    kind === "github"
      ? registerGitHubSourceInput.safeParse({
          name, owner: values.owner, schedule,
          config: { ownerType: values.user ? "user" : "org", tokenEnv: values["token-env"], apiBaseUrl: values["api-base-url"], include: values.include, exclude: values.exclude, topics: values.topic },
        })
      : kind === "kubernetes"
        ? registerClusterSourceInput.safeParse({
            name, schedule,
            config: { kubeconfigPath: values.kubeconfig, context: values.context, inCluster: values["in-cluster"], namespaces: values.namespace, excludeNamespaces: values["exclude-namespace"] },
          })
        : null;
  if (!parsed) throw new UsageError(`Unknown source kind "${kind}" (github or kubernetes).`);
  if (!parsed.success) {
    opts.output.err(`dozen: invalid source:\n${parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n")}`);
    return 2;
  }
  // An omitted schedule stays omitted (JSON drops undefined): the server's DOZEN_DEFAULT_SCHEDULE applies.
  const body = JSON.stringify(parsed.data);
  const base = (values.url ?? opts.url).replace(/\/$/, "");
  let response: Response;
  try {
    response = await fetch(`${base}/api/sources/${kind}`, { method: "POST", headers: { "content-type": "application/json" }, body });
  } catch (error) {
    opts.output.err(`dozen: cannot reach Dozen at ${base} (set DOZEN_URL or --url): ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`);
    return 1;
  }
  const answer = (await response.json().catch(() => ({}))) as { source?: { id: number; schedule: string | null }; error?: string; issues?: string[] };
  if (response.status !== 201 || !answer.source) {
    opts.output.err(`dozen: ${answer.error ?? `HTTP ${response.status}`}${answer.issues ? `\n  ${answer.issues.join("\n  ")}` : ""}`);
    return response.status === 400 ? 2 : 1;
  }
  const { id, schedule: cron } = answer.source;
  opts.output.out(`Added ${kind} source "${name}" (id ${id}), ${cron ? `scanned on "${cron}" (UTC)` : "scanned on demand only"}.\nScan now: curl -X POST ${base}/api/sources/${id}/scans`);
  return 0;
}

