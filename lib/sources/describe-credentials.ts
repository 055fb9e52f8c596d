/**
 * Where a source's credentials come from, in words a platform engineer can act on: the *names* of
 * environment variables or the kubeconfig path, read from Source.config, which never holds a secret.
 * Only known keys are read, so nothing else in a config can leak onto a page.
 */
export function describeCredentials(opts: { kind: string; config: unknown }): string | null {
  const config = (opts.config ?? {}) as Record<string, unknown>;
  const text = (key: string, from: Record<string, unknown> = config) => (typeof from[key] === "string" ? (from[key] as string) : undefined);
  if (opts.kind === "github") {
    const app = config.app as Record<string, unknown> | undefined;
    if (app && typeof app === "object") {
      const names = [text("appIdEnv", app), text("privateKeyEnv", app), text("installationIdEnv", app)].filter(Boolean);
      return `GitHub App from ${names.map((n) => `$${n}`).join(", ")}`;
    }
    return `token from $${text("tokenEnv") ?? "GITHUB_TOKEN"}`;
  }
  if (opts.kind === "kubernetes") {
    if (config.inCluster === true) return "in-cluster service account";
    return `kubeconfig ${text("kubeconfigPath") ?? "from $KUBECONFIG"}`;
  }
  return null;
}
