/** What the Prisma CLI passes the schema engine on its command line. */
export type EngineArgs = {
  /** Prisma schema files (`--datamodels`, repeated). */
  datamodels: string[];
  /** prisma.config.ts `datasource` (`--datasource` JSON). */
  datasource: { url?: string; shadowDatabaseUrl?: string };
  /** `cli <command>`: one-shot commands run before the RPC session (can-connect-to-database, create-database). */
  cliCommand?: string;
  version: boolean;
};

/**
 * Parses the native engine's arguments. `--enabled-preview-features` and `--extension-types` are accepted
 * and ignored: the WASM engine reads preview features from the schema and has no extension support.
 */
export function parseEngineArgs(argv: string[]): EngineArgs {
  const args: EngineArgs = { datamodels: [], datasource: {}, version: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${arg} needs a value`);
      return v;
    };
    if (arg === "--version" || arg === "-V") args.version = true;
    else if (arg === "--datamodels") args.datamodels.push(value());
    else if (arg === "--datasource") args.datasource = JSON.parse(value()) as EngineArgs["datasource"];
    else if (arg === "--enabled-preview-features" || arg === "--extension-types") value();
    else if (arg === "cli") args.cliCommand = argv[++i];
    else throw new Error(`Unknown argument: ${arg}`);
  }
  return args;
}
