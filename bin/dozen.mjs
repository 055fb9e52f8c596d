#!/usr/bin/env node
// Entry point of the `dozen` CLI. Registers tsx with Dozen's own tsconfig (so the `@/` alias resolves from any
// working directory, and through `npx dozen`), then runs lib/cli/main.ts.
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { register } from "tsx/esm/api";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: join(root, "tsconfig.json") });
const { main } = await import(pathToFileURL(join(root, "lib/cli/main.ts")).href);
process.exitCode = await main({ argv: process.argv.slice(2) });
