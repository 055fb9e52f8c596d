import { readFile, stat } from "node:fs/promises";
import { parseDocument } from "yaml";

/** What a kubeconfig holds that a cluster source's form can check before any scan: its contexts. */
export type KubeconfigReading = { contexts: string[]; currentContext: string | null } | { problem: string };

// A real kubeconfig is a few kilobytes; anything far bigger is not one, and is not read whole.
const MAX_BYTES = 4 * 1024 * 1024;

/**
 * Reads the context names of a kubeconfig file without loading a Kubernetes client (the web process checks
 * a form with it). Never throws for a bad file: `problem` says what is wrong, in words fit for a form field,
 * and never quotes the file's content (the path may name a file that is not a kubeconfig at all).
 */
export async function readKubeconfigContexts(opts: { path: string }): Promise<KubeconfigReading> {
  const info = await stat(opts.path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error)
    return { problem: info.code === "ENOENT" ? "no such file on the server" : `cannot be read (${info.code ?? "error"})` };
  if (!info.isFile()) return { problem: "is not a file" };
  if (info.size > MAX_BYTES) return { problem: "is too big to be a kubeconfig" };
  const text = await readFile(opts.path, "utf8").catch((error: NodeJS.ErrnoException) => error);
  if (text instanceof Error) return { problem: `cannot be read (${text.code ?? "error"})` };
  const document = parseDocument(text);
  const firstError = document.errors[0];
  if (firstError) return { problem: `is not valid YAML (line ${firstError.linePos?.[0]?.line ?? "?"})` };
  const config: unknown = document.toJS();
  if (!isRecord(config) || !Array.isArray(config.contexts)) return { problem: "is not a kubeconfig (it has no contexts list)" };
  const contexts = config.contexts.flatMap((c: unknown) => (isRecord(c) && typeof c.name === "string" ? [c.name] : []));
  const current = config["current-context"];
  return { contexts, currentContext: typeof current === "string" && current !== "" ? current : null };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
