import { userInfo } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { runApiCommand } from "@/lib/cli/run-api-command";
import { runExplainCommand } from "@/lib/cli/run-explain-command";
import { runRulesCommand } from "@/lib/cli/run-rules-command";
import { runScanCommand } from "@/lib/cli/run-scan-command";
import { runSourcesCommand } from "@/lib/cli/run-sources-command";
import { env } from "@/lib/env";
import { USAGE, UsageError, type CliOutput } from "@/lib/cli/usage-error";
import { InvalidScoringConfigError } from "@/lib/scoring/parse-scoring-config";

const stdio: CliOutput = {
  out: (text) => void process.stdout.write(text.endsWith("\n") ? text : `${text}\n`),
  err: (text) => void process.stderr.write(text.endsWith("\n") ? text : `${text}\n`),
};

/**
 * The `dozen` command line: parses argv (without node and the script), runs one command, returns the exit
 * code. Usage and config mistakes are exit 2 with a message; anything else propagates as a crash.
 */
export async function main(opts: { argv: string[]; cwd?: string; output?: CliOutput }): Promise<number> {
  const output = opts.output ?? stdio;
  try {
    // `sources` has options of its own, so it parses its arguments itself.
    if (opts.argv[0] === "sources")
      return await runSourcesCommand({ args: opts.argv.slice(1), url: env().DOZEN_URL, token: env().DOZEN_TOKEN, output });
    // So do the commands that read a running Dozen through its v1 API.
    const [noun] = opts.argv;
    if (noun === "services" || noun === "teams" || noun === "scans" || noun === "initiatives" || noun === "channels")
      return await runApiCommand({ noun, args: opts.argv.slice(1), url: env().DOZEN_URL, token: env().DOZEN_TOKEN, output });
    // The admin command acts on the database itself; loaded only when used, so `dozen scan` needs no Prisma.
    if (noun === "tokens") {
      const { runTokensCommand } = await import("@/lib/cli/run-tokens-command");
      const { openAdminDatabase } = await import("@/lib/ops/open-admin-database");
      const { createLogger } = await import("@/lib/log/logger");
      const e = env();
      return await runTokensCommand({
        args: opts.argv.slice(1),
        output,
        createdBy: `dozen tokens (${userInfo().username})`,
        openDatabase: () =>
          openAdminDatabase({
            databaseUrl: e.DATABASE_URL,
            dataDir: path.join(e.DOZEN_DATA_DIR, "pg"),
            port: e.DOZEN_EMBEDDED_PG_PORT,
            log: createLogger({ process: "dozen", destination: process.stderr }),
          }),
      });
    }
    const { values, positionals } = parseArgs({
      args: opts.argv,
      allowPositionals: true,
      options: {
        format: { type: "string" },
        "min-score": { type: "string" },
        config: { type: "string" },
        baseline: { type: "string" },
        lang: { type: "string" },
        json: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === "help") {
      output.out(USAGE);
      return 0;
    }
    if (command === undefined) throw new UsageError("Missing command.");
    const cwd = opts.cwd ?? process.cwd();
    switch (command) {
      case "scan":
        return await runScanCommand({ args: rest, values, cwd, output });
      case "rules":
        return await runRulesCommand({ args: rest, json: values.json ?? false, config: values.config, cwd, output });
      case "explain":
        return await runExplainCommand({ args: rest, lang: values.lang, config: values.config, cwd, output });
      default:
        throw new UsageError(`Unknown command "${command}".`);
    }
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      output.err(`dozen: ${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    if (error instanceof InvalidScoringConfigError) {
      output.err(`dozen: ${error.message}`);
      return 2;
    }
    throw error;
  }
}
