/** A mistake in how the CLI was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export const USAGE = `Usage:
  dozen scan <dir> [--format text|json|sarif] [--min-score N] [--baseline FILE] [--config FILE]
      Scan every service under <dir> and print scores, grades and failing checks.
      --format sarif  SARIF 2.1.0 (GitHub code scanning); paths relative to <dir>
      --min-score N   exit 1 when a service scores below N (0-100) or a target cannot be scanned
      --baseline FILE exit 1 when a failing finding is not in FILE (an earlier --format json or sarif output)
      --config FILE   scoring config (weights, custom checks); default: <dir>/dozen.yaml when present
      With json or sarif, why a gate failed is also printed to stderr, one line per gate.
  dozen rules [--json] [--config FILE]
      List the rules, and the custom checks of FILE.
  dozen explain <ruleId> [--lang LANGUAGE] [--config FILE]
      Show a rule's (or a custom check's) rationale and remediation guide, with its examples in every
      language, or in LANGUAGE only (go, java, kotlin, python, javascript, typescript, csharp, ...).
  dozen sources add github <name> --owner LOGIN [--user] [--token-env VAR] [--api-base-url URL]
                    [--include PATTERN]... [--exclude PATTERN]... [--topic TOPIC]... [--schedule CRON | --on-demand]
  dozen sources add kubernetes <name> [--kubeconfig FILE] [--context NAME] [--in-cluster]
                    [--namespace NS]... [--exclude-namespace NS]... [--schedule CRON | --on-demand]
      Add a source to a running Dozen (--url, else DOZEN_URL, default http://localhost:3000).
  dozen services [list | show <slug>] [--json] [--url URL]
  dozen teams [list | show <slug>] [--json] [--url URL]
  dozen scans [list | show <id> | start <sourceId>] [--json] [--url URL]
  dozen initiatives [list] [--json] [--url URL]
      Read a running Dozen through its v1 API (/api/docs), or scan a source now; initiatives: the open
      ones with their deadline, progress and whether they are late or at risk.
  dozen channels [list [--team SLUG] | remove <id>] [--json] [--url URL]
  dozen channels add --team SLUG --kind slack|teams|webhook|email --address URL|- [--secret KEY]
                     [--min-score-drop N] [--fleet-digest] [--url URL]
      A team's notification channels. The address is a credential: "--address -" reads it from stdin.
      These and "sources" send DOZEN_TOKEN, when set, as "Authorization: Bearer <token>".
  dozen tokens create --name NAME --role viewer|maintainer|admin [--team SLUG]... [--expires-in 90d|12h|1y|never]
  dozen tokens list [--json]
  dozen tokens revoke <id|prefix>
      Admin command: API tokens, in DATABASE_URL's database or the embedded one npm start runs (started for
      the command if it is not running). "create" prints the token once, alone on stdout.

Exit codes: 0 ok, 1 a gate failed (below --min-score, a finding not in --baseline; sources: refused or
unreachable), 2 usage or config error.`;

/** Where the CLI writes; the real streams in bin/dozen.mjs, buffers in tests. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}
