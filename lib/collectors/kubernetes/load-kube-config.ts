import { realpath } from "node:fs/promises";
import { register } from "node:module";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import type { KubeConfig } from "@kubernetes/client-node/dist/config.js";
import { readRegularFile } from "@/lib/collectors/local/read-regular-file";
import { DozenError } from "@/lib/errors";

let kubeConfigClass: Promise<typeof KubeConfig> | undefined;

/**
 * client-node's KubeConfig without its generated API models (see client-node-hooks.mjs): the same class,
 * authenticating exactly as client-node does (tokens, client certificates, exec and OIDC plugins, CA), at a
 * fraction of the load cost. Imported once per process, on first use, so processes that never audit a
 * cluster (web, CLI) never load it.
 */
function importKubeConfig(): Promise<typeof KubeConfig> {
  kubeConfigClass ??= (async () => {
    try {
      register(new URL("./client-node-hooks.mjs", import.meta.url));
    } catch {
      // No loader hooks here (a bundler, another runtime): load client-node whole; slower, still correct.
    }
    return (await import("@kubernetes/client-node/dist/config.js")).KubeConfig;
  })();
  return kubeConfigClass;
}

// A real kubeconfig is a few kilobytes (embedded certificates included).
const MAX_BYTES = 1024 * 1024;

/**
 * A client-node KubeConfig for one cluster source: a context of a kubeconfig file (KUBECONFIG or a mounted
 * file), or the pod's service account when `inCluster` is set. The file is read by Dozen, not by
 * client-node: a regular file of at most 1 MiB whose real path lies in `withinDir` when given (a Secret
 * mount's `..data` links stay inside it; a link out of it does not), never a FIFO or device; a file that
 * does not parse is refused without quoting it. A user with an `exec` or `auth-provider` plugin (it runs a
 * command as the worker's user) is refused unless `allowExec`. Throws DozenError naming what is wrong.
 */
export async function loadKubeConfig(opts: {
  kubeconfigPath?: string | null;
  context?: string | null;
  inCluster?: boolean;
  withinDir?: string | null;
  allowExec?: boolean;
}): Promise<KubeConfig> {
  const kc = new (await importKubeConfig())();
  if (opts.inCluster) {
    kc.loadFromCluster();
    return kc;
  }
  const file = opts.kubeconfigPath;
  if (!file) throw new DozenError("no kubeconfig: set KUBECONFIG or the source's kubeconfig path, or use in-cluster");
  const real = await realpath(file).catch((error: NodeJS.ErrnoException) => error);
  if (real instanceof Error) throw new DozenError(`kubeconfig ${file} cannot be read (${real.code ?? "error"})`);
  if (opts.withinDir !== undefined) {
    const dir = opts.withinDir === null ? null : await realpath(opts.withinDir).catch(() => null);
    const below = dir === null ? null : relative(dir, real);
    if (!below || below === ".." || below.startsWith(`..${sep}`) || isAbsolute(below))
      throw new DozenError(`kubeconfig ${file} is not in the kubeconfig directory (DOZEN_KUBECONFIG_DIR)`);
  }
  const read = await readRegularFile({ path: real, maxBytes: MAX_BYTES });
  if ("skipped" in read) throw new DozenError(`kubeconfig ${file}: ${read.skipped}`);
  try {
    kc.loadFromString(read.buffer.toString("utf8"));
    // As client-node's loadFromFile: certificate and key files named relative to the kubeconfig.
    kc.makePathsAbsolute(dirname(resolve(file)));
  } catch {
    // js-yaml's error carries the whole text (`mark.buffer`): it never leaves this function.
    throw new DozenError(`kubeconfig ${file} is not a valid kubeconfig`);
  }
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) throw new DozenError(`context "${opts.context}" is not in ${file}`);
    kc.setCurrentContext(opts.context);
  }
  const user = kc.getCurrentUser();
  if (user && (user.exec || user.authProvider) && !opts.allowExec)
    throw new DozenError(
      `kubeconfig ${file}: user "${user.name}" authenticates with an ${user.exec ? "exec" : "auth-provider"} plugin, which runs a command; set DOZEN_KUBECONFIG_ALLOW_EXEC=true to allow it`,
    );
  return kc;
}
