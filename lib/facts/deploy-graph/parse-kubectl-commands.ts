import type { ExpandedCommand } from "@/lib/facts/deploy-graph/expand-shell-script";
import type { ManifestObject } from "@/lib/facts/types";

/** Marks an object a script creates imperatively (`kubectl autoscale`), not declared in a manifest. */
export const IMPERATIVE_ANNOTATION = "dozen.dev/imperative";

const KINDS: Readonly<Record<string, string>> = {
  deployment: "Deployment",
  deployments: "Deployment",
  deploy: "Deployment",
  statefulset: "StatefulSet",
  statefulsets: "StatefulSet",
  sts: "StatefulSet",
  replicaset: "ReplicaSet",
  replicasets: "ReplicaSet",
  rs: "ReplicaSet",
};

/**
 * The objects a script's `kubectl autoscale <kind> <name> --min N --max M` commands create: one
 * HorizontalPodAutoscaler each, as `kubectl` would make it (minReplicas defaults to 1), at the command's line
 * and marked as imperative. Commands whose target is still an unresolved variable are left out. Pure.
 */
export function parseKubectlCommands(opts: { path: string; commands: readonly ExpandedCommand[] }): ManifestObject[] {
  const out: ManifestObject[] = [];
  for (const { line, words } of opts.commands) {
    const at = words.findIndex((w) => /(^|\/)(kubectl|oc)$/.test(w));
    if (at < 0) continue;
    const args = words.slice(at + 1);
    const options = new Map<string, string>();
    const positional: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      const flag = a.match(/^--?([\w-]+)(?:=(.*))?$/);
      if (!flag) positional.push(a);
      else if (flag[2] !== undefined) options.set(flag[1]!, flag[2]);
      else if (/^(n|namespace|min|max|cpu-percent|name|context|kubeconfig)$/.test(flag[1]!)) options.set(flag[1]!, args[++i] ?? "");
    }
    if (positional[0] !== "autoscale") continue;
    const [kindWord = "", slashName] = (positional[1] ?? "").split("/");
    const kind = KINDS[kindWord.toLowerCase()];
    const name = slashName ?? positional[2];
    if (!kind || !name || name.includes("$")) continue;
    const namespace = options.get("n") ?? options.get("namespace") ?? null;
    const min = Number(options.get("min") ?? "1");
    const max = Number(options.get("max") ?? "");
    const hpaName = options.get("name") ?? name;
    const object = {
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      metadata: {
        name: hpaName,
        ...(namespace && !namespace.includes("$") ? { namespace } : {}),
        annotations: { [IMPERATIVE_ANNOTATION]: `kubectl autoscale (${opts.path}:${line})` },
      },
      spec: {
        scaleTargetRef: { apiVersion: "apps/v1", kind, name },
        minReplicas: Number.isInteger(min) && min > 0 ? min : 1,
        ...(Number.isInteger(max) && max > 0 ? { maxReplicas: max } : {}),
      },
    };
    out.push({
      path: opts.path,
      documentIndex: out.length,
      lineStart: line,
      lineEnd: line,
      apiVersion: object.apiVersion,
      kind: object.kind,
      name: hpaName,
      namespace: namespace && !namespace.includes("$") ? namespace : null,
      object,
    });
  }
  return out;
}
