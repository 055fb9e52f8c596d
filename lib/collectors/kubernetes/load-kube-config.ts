import { KubeConfig } from "@kubernetes/client-node";

/**
 * A client-node KubeConfig for one cluster source: a context of a kubeconfig file (KUBECONFIG or a mounted
 * file), or the pod's service account when `inCluster` is set. Throws when the context does not exist.
 */
export function loadKubeConfig(opts: { kubeconfigPath?: string | null; context?: string | null; inCluster?: boolean }): KubeConfig {
  const kc = new KubeConfig();
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
