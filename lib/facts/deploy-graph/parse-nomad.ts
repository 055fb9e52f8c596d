import { parseHcl, type HclAttribute, type HclBlock, type HclBody, type HclValue } from "@/lib/facts/deploy-graph/parse-hcl";
import type { DeclaredWorkload, NomadTask } from "@/lib/facts/deploy-graph/types";

// Task drivers that run an OCI image named by `config.image`: the workloads container checks can judge
// (exec, java and raw_exec run a binary on the host).
const CONTAINER_DRIVERS: ReadonlySet<string> = new Set(["docker", "podman", "containerd-driver"]);

// The runtime variables a service name may use, as Nomad fills them in (`name = "${JOB}-api"`).
const NAME_VARIABLES = new Map<string, (t: { job: string; group: string; task: string }) => string>([
  ["JOB", (t) => t.job],
  ["NOMAD_JOB_NAME", (t) => t.job],
  ["TASKGROUP", (t) => t.group],
  ["NOMAD_GROUP_NAME", (t) => t.group],
  ["TASK", (t) => t.task],
  ["NOMAD_TASK_NAME", (t) => t.task],
  ["BASE", (t) => `${t.job}-${t.group}-${t.task}`],
]);

/**
 * The workloads a Nomad job file declares: each task of each group that runs a container image (docker,
 * podman) is one, named by the service it registers, else by its group when it is the group's only main task,
 * else by itself. Each keeps what checks judge in `nomad`: the job's type (`service`, `batch`, `system`,
 * `sysbatch`) and schedule, the group's count, scaling and ports, the health checks of its services, the names
 * of the variables it sets, and its resources. Nothing is evaluated: `${var.tag}` stays as written. Never
 * throws: a file it cannot read declares nothing.
 */
export function parseNomad(opts: { path: string; text: string }): DeclaredWorkload[] {
  const workloads: DeclaredWorkload[] = [];
  for (const job of blocks(parseHcl({ text: opts.text }), "job")) {
    const jobName = job.labels[0] ?? "";
    const type = text(attr(job.body, "type")) ?? "service";
    for (const group of blocks(job.body, "group")) {
      const groupName = group.labels[0] ?? "";
      const tasks = blocks(group.body, "task").filter((t) => CONTAINER_DRIVERS.has(text(attr(t.body, "driver")) ?? ""));
      const mains = tasks.filter((t) => !blocks(t.body, "lifecycle")[0]);
      const scaling = blocks(group.body, "scaling").find((s) => s.labels.length === 0);
      const count = attribute(group.body, "count");
      for (const task of tasks) {
        const names = { job: jobName, group: groupName, task: task.labels[0] ?? "" };
        // A group's service belongs to the task it names, or to the group's only main task.
        const groupServices = blocks(group.body, "service").filter((s) =>
          attr(s.body, "task") === undefined ? mains.length === 1 && mains[0] === task : attr(s.body, "task") === names.task,
        );
        const services = [...blocks(task.body, "service"), ...groupServices];
        const serviceName = services.map((s) => resolveName(text(attr(s.body, "name")), names)).find((n) => n !== null);
        const config = blocks(task.body, "config")[0]?.body;
        const image = text(attr(config, "image"))?.replace(/^docker:\/\//, "");
        const lifecycle = blocks(task.body, "lifecycle")[0]?.body;
        const resources = blocks(task.body, "resources")[0]?.body;
        const nomad: NomadTask = {
          job: jobName,
          type,
          periodic: blocks(job.body, "periodic").length > 0,
          group: groupName,
          task: names.task,
          driver: text(attr(task.body, "driver"))!,
          lifecycle: lifecycle ? { hook: text(attr(lifecycle, "hook")) ?? "", sidecar: attr(lifecycle, "sidecar") === true } : null,
          // Nomad runs `count` instances, else the scaling policy's minimum, else one.
          count: count ? num(count.value) : (num(attr(scaling?.body, "min")) ?? 1),
          scaling: scaling
            ? { min: num(attr(scaling.body, "min")), max: num(attr(scaling.body, "max")), enabled: attr(scaling.body, "enabled") !== false }
            : null,
          checks: services.flatMap((s) =>
            blocks(s.body, "check").map((c) => ({
              service: resolveName(text(attr(s.body, "name")), names),
              type: text(attr(c.body, "type")) ?? "",
              path: text(attr(c.body, "path")),
              port: text(attr(c.body, "port")) ?? text(attr(s.body, "port")),
              line: c.line,
            })),
          ),
          env: envNames(task.body),
          resources: resources
            ? { cpu: num(attr(resources, "cpu")), memory: num(attr(resources, "memory")), memoryMax: num(attr(resources, "memory_max")) }
            : null,
          ports: blocks(group.body, "network").flatMap((n) =>
            blocks(n.body, "port").map((p) => ({
              label: p.labels[0] ?? "",
              to: num(attr(p.body, "to")),
              static: num(attr(p.body, "static")),
            })),
          ),
          lines: { job: job.line, group: group.line, count: count?.line ?? null },
        };
        workloads.push({
          descriptor: "nomad",
          kind: "NomadTask",
          name: serviceName ?? (mains.length === 1 && mains[0] === task ? groupName : names.task),
          namespace: text(attr(job.body, "namespace")),
          images: image ? [image] : [],
          containerNames: [names.task],
          labels: {},
          object: null,
          compose: null,
          at: { path: opts.path, line: task.line },
          via: null,
          nomad,
        });
      }
    }
  }
  return workloads;
}

/** The variables a task sets: its `env`, and the `KEY=value` lines of templates rendered into its environment. */
function envNames(task: HclBody): string[] {
  const names = blocks(task, "env").flatMap((e) => Object.keys(e.body.attributes));
  const env = attr(task, "env");
  if (env !== null && typeof env === "object" && !Array.isArray(env)) names.push(...Object.keys(env));
  for (const template of blocks(task, "template")) {
    if (attr(template.body, "env") !== true) continue;
    for (const m of (text(attr(template.body, "data")) ?? "").matchAll(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=/gm)) names.push(m[1]!);
  }
  return [...new Set(names)];
}

/** A service name with Nomad's runtime variables filled in; null when none is set or another expression remains. */
function resolveName(name: string | null, names: { job: string; group: string; task: string }): string | null {
  const resolved = name?.replace(/\$\{(\w+)\}/g, (whole, v: string) => NAME_VARIABLES.get(v)?.(names) ?? whole);
  return resolved && !resolved.includes("${") ? resolved : null;
}

function blocks(body: HclBody | null | undefined, type: string): HclBlock[] {
  return body?.blocks.filter((b) => b.type === type) ?? [];
}

function attribute(body: HclBody | null | undefined, name: string): HclAttribute | undefined {
  return body && Object.hasOwn(body.attributes, name) ? body.attributes[name] : undefined;
}

function attr(body: HclBody | null | undefined, name: string): HclValue | undefined {
  return attribute(body, name)?.value;
}

function text(value: HclValue | undefined): string | null {
  return typeof value === "string" ? value : null;
}

function num(value: HclValue | undefined): number | null {
  return typeof value === "number" ? value : null;
}
