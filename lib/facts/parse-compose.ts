import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from "yaml";
import { checkYamlDepth } from "@/lib/facts/check-yaml-depth";
import type { ComposeFacts, ComposeService } from "@/lib/facts/types";
import { yamlErrorReason } from "@/lib/facts/yaml-error-reason";

/**
 * Parses a Compose file into its services: image, whether it builds, environment entries (map or
 * `KEY=value` list form) with their line numbers, ports and volumes in short form. Merge keys (`<<: *x`)
 * are resolved; entries that come from an anchor carry the service's line. Returns null with a problem
 * when the YAML is invalid or has no `services` map. Never throws.
 */
export function parseCompose(opts: { path: string; text: string }): { compose: ComposeFacts | null; problems: string[] } {
  const tooDeep = checkYamlDepth({ text: opts.text });
  if (tooDeep) return { compose: null, problems: [tooDeep] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(opts.text, { lineCounter, merge: true, uniqueKeys: true });
  const firstError = doc.errors[0];
  if (firstError) return { compose: null, problems: [yamlErrorReason({ message: firstError.message })] };
  let root: unknown;
  try {
    root = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { compose: null, problems: [yamlErrorReason({ message: String(error) })] };
  }
  const services = record(record(root)?.services);
  if (!services) return { compose: null, problems: ["no services map"] };
  const lineOf = (node: unknown, fallback: number) => {
    const range = (node as Node | undefined)?.range;
    return range ? lineCounter.linePos(range[0]).line : fallback;
  };
  const servicesNode = doc.get("services", true);
  const out: ComposeService[] = Object.entries(services).map(([name, raw]) => {
    const svc = record(raw) ?? {};
    const keyNode = isMap(servicesNode) ? servicesNode.items.find((p) => isScalar(p.key) && p.key.value === name)?.key : undefined;
    const line = lineOf(keyNode, 1);
    const envNode = doc.getIn(["services", name, "environment"], true);
    const build = typeof svc.build === "string" ? { context: svc.build } : record(svc.build);
    const healthcheck = record(svc.healthcheck);
    const command = svc.entrypoint ?? svc.command;
    return {
      name,
      image: typeof svc.image === "string" ? svc.image : null,
      build: svc.build !== undefined && svc.build !== null,
      buildContext: build ? (typeof build.context === "string" ? build.context : ".") : null,
      buildDockerfile: build && typeof build.dockerfile === "string" ? build.dockerfile : null,
      healthcheck:
        Boolean(healthcheck) && healthcheck?.disable !== true && !(Array.isArray(healthcheck?.test) && healthcheck.test[0] === "NONE"),
      user: svc.user === undefined || svc.user === null ? null : String(svc.user),
      readOnly: svc.read_only === true,
      replicas: typeof record(svc.deploy)?.replicas === "number" ? (record(svc.deploy)!.replicas as number) : null,
      command: Array.isArray(command)
        ? { form: "exec", argv: command.map(String) }
        : typeof command === "string"
          ? { form: "shell", argv: [command] }
          : null,
      environment: environmentOf(svc.environment, envNode, (n) => lineOf(n, line)),
      ports: list(svc.ports).map((p) => shortForm(p, ["host_ip", "published", "target"])),
      volumes: list(svc.volumes).map((v) => shortForm(v, ["source", "target"])),
      line,
    };
  });
  return { compose: { path: opts.path, services: out }, problems: [] };
}

function environmentOf(env: unknown, node: unknown, lineOf: (node: unknown) => number): ComposeService["environment"] {
  if (Array.isArray(env)) {
    return env.map((entry, i) => {
      const text = String(entry);
      const eq = text.indexOf("=");
      const itemNode = isSeq(node) ? node.items[i] : undefined;
      return { key: eq >= 0 ? text.slice(0, eq) : text, value: eq >= 0 ? text.slice(eq + 1) : null, line: lineOf(itemNode) };
    });
  }
  return Object.entries(record(env) ?? {}).map(([key, value]) => {
    const pair = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === key) : undefined;
    return { key, value: value === null || value === undefined ? null : String(value), line: lineOf(pair?.key) };
  });
}

/** Long-form port/volume mappings (`{published: 8080, target: 80}`) rendered like the short form. */
function shortForm(value: unknown, fields: string[]): string {
  const obj = record(value);
  if (!obj) return String(value);
  return fields
    .map((f) => obj[f])
    .filter((v) => v !== undefined && v !== null && v !== "")
    .join(":");
}

function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
