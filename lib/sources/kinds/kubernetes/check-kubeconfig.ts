import path from "node:path";
import { readKubeconfigContexts } from "@/lib/collectors/kubernetes/read-kubeconfig-contexts";
import { env } from "@/lib/env";
import { ValidationError } from "@/lib/errors";
import type { ClusterSourceConfig } from "@/lib/sources/kinds/kubernetes/config";

const PATH_FIELD = "config.kubeconfigPath";
const CONTEXT_FIELD = "config.context";

function refuse(field: string, message: string): never {
  throw new ValidationError(message, { fields: { [field]: message }, issues: [`${field}: ${message}`] });
}

/** "a, b, c" for a message, or a word that says there are none. */
function named(contexts: string[]): string {
  return contexts.length > 0 ? contexts.join(", ") : "none";
}

/**
 * What a cluster source's kubeconfig must be on submit, so a typo is a field error now rather than a failed
 * scan tonight: the file (config.kubeconfigPath, else each file of KUBECONFIG as kubectl merges them) exists
 * and is a kubeconfig, and the context (else its current context) is in it. In-cluster sources have nothing
 * to check here. Throws ValidationError naming the field to fix.
 */
export async function checkKubeconfig(config: ClusterSourceConfig): Promise<void> {
  if (config.inCluster) return;
  const fromEnv = (env().KUBECONFIG ?? "").split(path.delimiter).filter(Boolean);
  const files = config.kubeconfigPath ? [config.kubeconfigPath] : fromEnv;
  if (files.length === 0)
    refuse(PATH_FIELD, "a cluster source needs a kubeconfig (config.kubeconfigPath or KUBECONFIG) or config.inCluster");
  const contexts: string[] = [];
  let current: string | null = null;
  for (const file of files) {
    const reading = await readKubeconfigContexts({ path: file });
    const where = config.kubeconfigPath ? file : `$KUBECONFIG's ${file}`;
    if ("problem" in reading) refuse(PATH_FIELD, `${where}: ${reading.problem}`);
    contexts.push(...reading.contexts);
    current ??= reading.currentContext;
  }
  const shown = config.kubeconfigPath ?? "$KUBECONFIG";
  if (config.context && !contexts.includes(config.context))
    refuse(CONTEXT_FIELD, `"${config.context}" is not a context in ${shown} (it has: ${named(contexts)})`);
  if (!config.context && !current) refuse(CONTEXT_FIELD, `${shown} has no current context: name one (it has: ${named(contexts)})`);
}
