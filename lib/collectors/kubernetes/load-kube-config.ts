import { register } from "node:module";
import type { KubeConfig } from "@kubernetes/client-node/dist/config.js";

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

/**
 * A client-node KubeConfig for one cluster source: a context of a kubeconfig file (KUBECONFIG or a mounted
 * file), or the pod's service account when `inCluster` is set. Throws when the context does not exist.
 */
export async function loadKubeConfig(opts: {
  kubeconfigPath?: string | null;
  context?: string | null;
  inCluster?: boolean;
}): Promise<KubeConfig> {
  const kc = new (await importKubeConfig())();
  if (opts.inCluster) {
    kc.loadFromCluster();
    return kc;
  }
  if (!opts.kubeconfigPath) throw new Error("no kubeconfig: set KUBECONFIG or the source's kubeconfig path, or use in-cluster");
  kc.loadFromFile(opts.kubeconfigPath);
  if (opts.context) {
    if (!kc.getContextObject(opts.context)) throw new Error(`context "${opts.context}" is not in ${opts.kubeconfigPath}`);
    kc.setCurrentContext(opts.context);
  }
  return kc;
}
