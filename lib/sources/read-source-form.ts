// The add-source forms post flat fields named by their path in the input schema ("config.tokenEnv"), so
// zod's issue paths name the very field to mark. These turn a form into that input: empty text means
// "use the default" (undefined), lists are comma or whitespace separated, checkboxes are present or not.

function text(form: FormData, name: string): string | undefined {
  const value = form.get(name);
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function list(form: FormData, name: string): string[] {
  return (text(form, name) ?? "").split(/[\s,]+/).filter(Boolean);
}

// Drops unset keys, so what is stored in Source.config holds only what applies.
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** GitHub organisation or user: a token variable, or a GitHub App's variables when `auth` is "app". */
export function readGitHubForm(form: FormData) {
  const app = form.get("auth") === "app";
  return {
    name: text(form, "name") ?? "",
    owner: text(form, "owner") ?? "",
    schedule: String(form.get("schedule") ?? ""),
    config: defined({
      ownerType: text(form, "config.ownerType"),
      apiBaseUrl: text(form, "config.apiBaseUrl"),
      tokenEnv: app ? undefined : text(form, "config.tokenEnv"),
      app: app
        ? defined({ appIdEnv: text(form, "config.app.appIdEnv"), privateKeyEnv: text(form, "config.app.privateKeyEnv"), installationIdEnv: text(form, "config.app.installationIdEnv") })
        : undefined,
      include: list(form, "config.include"),
      exclude: list(form, "config.exclude"),
      topics: list(form, "config.topics"),
      includeArchived: form.has("config.includeArchived"),
      includeForks: form.has("config.includeForks"),
    }),
  };
}

/** Kubernetes cluster: a kubeconfig (path and context, both optional) or the in-cluster service account. */
export function readClusterForm(form: FormData) {
  const inCluster = form.get("mode") === "inCluster";
  return {
    name: text(form, "name") ?? "",
    schedule: String(form.get("schedule") ?? ""),
    config: defined({
      inCluster,
      kubeconfigPath: inCluster ? undefined : text(form, "config.kubeconfigPath"),
      context: inCluster ? undefined : text(form, "config.context"),
      namespaces: list(form, "config.namespaces"),
      // An emptied field means "exclude nothing"; the form starts with the system namespaces filled in.
      excludeNamespaces: list(form, "config.excludeNamespaces"),
    }),
  };
}

/** Local checkout: a directory the workers can read. */
export function readLocalForm(form: FormData) {
  return { name: text(form, "name") ?? "", directory: text(form, "directory") ?? "", schedule: String(form.get("schedule") ?? "") };
}
