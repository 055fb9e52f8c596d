import { dig, list, obj, objs, strings, type Obj } from "@/lib/facts/workload/read-object";
import { UNRESOLVED } from "@/lib/facts/deploy-graph/go-template";
import type { ContainerFact, EnvVarFact, WorkloadFacts, WorkloadKind } from "@/lib/facts/workload/types";
import { isProviderSecret } from "@/lib/facts/find-provider-secrets";
import { looksSecretName } from "@/lib/facts/secret-rules";
import { previewSecret } from "@/lib/facts/preview-secret";

const MIGRATION =
  /\b(db:migrate|migrate|migrations?|flyway|liquibase|alembic\s+upgrade|knex\s+migrate|prisma\s+migrate|sequelize\s+db:migrate)\b/i;

// Kinds whose spec.replicas Kubernetes defaults to 1 when it is left out.
const REPLICATED = new Set<WorkloadKind>(["Deployment", "StatefulSet", "ReplicaSet", "Rollout", "DeploymentConfig"]);

/**
 * One workload object → compact facts: an item of a cluster's list page, or a manifest the repository declares
 * (the same shape). Env values are dropped here, at the edge: only names survive, plus a 4-character-at-most
 * preview for literals that look like credentials.
 */
export function summarizeWorkload(opts: { kind: WorkloadKind; item: Obj }): WorkloadFacts {
  const meta = obj(opts.item.metadata);
  const spec = obj(opts.item.spec);
  // A bare Pod is its own template.
  const templatePath = opts.kind === "CronJob" ? "spec.jobTemplate.spec.template" : opts.kind === "Pod" ? "" : "spec.template";
  const template = obj(
    opts.kind === "CronJob" ? dig(spec, "jobTemplate", "spec", "template") : opts.kind === "Pod" ? opts.item : spec.template,
  );
  const podSpec = obj(template.spec);
  const specPath = templatePath ? `${templatePath}.spec` : "spec";
  const replicas = spec.replicas;
  const unresolved = replicas !== undefined && replicas !== null && typeof replicas !== "number";
  const volumes = objs(podSpec.volumes);
  const annotations = Object.fromEntries(Object.entries(strings(meta.annotations)).filter(([k]) => k.startsWith("dozen.dev/")));
  return {
    kind: opts.kind,
    namespace: String(meta.namespace ?? "default"),
    name: String(meta.name ?? ""),
    labels: strings(meta.labels),
    annotations,
    podLabels: strings(dig(template, "metadata", "labels")),
    replicas: typeof replicas === "number" ? replicas : REPLICATED.has(opts.kind) && !unresolved ? 1 : null,
    ...(unresolved ? { replicasUnresolved: true } : {}),
    terminationGracePeriodSeconds: typeof podSpec.terminationGracePeriodSeconds === "number" ? podSpec.terminationGracePeriodSeconds : null,
    volumes: {
      pvc: volumes.filter((v) => v.persistentVolumeClaim).map((v) => String(v.name)),
      hostPath: volumes.filter((v) => v.hostPath).map((v) => String(v.name)),
    },
    containers: [
      ...objs(podSpec.initContainers).map((c, i) => summarizeContainer(c, true, `${specPath}.initContainers[${i}]`, podSpec)),
      ...objs(podSpec.containers).map((c, i) => summarizeContainer(c, false, `${specPath}.containers[${i}]`, podSpec)),
    ],
    running: { digests: [], restarts: 0, pods: 0 },
  };
}

function summarizeContainer(c: Obj, init: boolean, jsonPath: string, podSpec: Obj): ContainerFact {
  const sc = obj(c.securityContext);
  const podSc = obj(podSpec.securityContext);
  const resources = obj(c.resources);
  const requests = obj(resources.requests);
  const limits = obj(resources.limits);
  const user = (context: Obj) => (typeof context.runAsUser === "number" ? context.runAsUser : undefined);
  const command = [...list(c.command), ...list(c.args)].filter((x) => typeof x === "string").join(" ");
  return {
    name: String(c.name ?? ""),
    image: String(c.image ?? ""),
    init,
    jsonPath,
    env: objs(c.env).map(summarizeEnv),
    envFrom: objs(c.envFrom).flatMap((e): ContainerFact["envFrom"] => {
      if (e.secretRef) return [{ kind: "secret" as const, name: String(obj(e.secretRef).name ?? "") }];
      if (e.configMapRef) return [{ kind: "configMap" as const, name: String(obj(e.configMapRef).name ?? "") }];
      return [];
    }),
    ports: objs(c.ports)
      .map((p) => Number(p.containerPort))
      .filter(Number.isFinite),
    probes: { readiness: Boolean(c.readinessProbe), liveness: Boolean(c.livenessProbe), startup: Boolean(c.startupProbe) },
    preStop: Boolean(dig(c, "lifecycle", "preStop")),
    requests: Object.keys(requests).length > 0,
    limits: Object.keys(limits).length > 0,
    resources: {
      cpuRequest: requests.cpu !== undefined,
      memoryRequest: requests.memory !== undefined,
      memoryLimit: limits.memory !== undefined,
    },
    // The container's own securityContext overrides the pod's, field by field.
    runAsNonRoot: (sc.runAsNonRoot ?? podSc.runAsNonRoot) === true || (user(sc) ?? user(podSc) ?? 0) > 0,
    runsAsRoot: (sc.runAsNonRoot ?? podSc.runAsNonRoot) === false || (user(sc) ?? user(podSc)) === 0 || sc.privileged === true,
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem === true,
    runsMigrations: MIGRATION.test(command),
    credentialArgs: [...list(c.command), ...list(c.args)].flatMap((arg) => (typeof arg === "string" ? credentialArg(arg) : [])),
  };
}

// `user:password@host` inside an argument: a URL's userinfo (`postgres://app:pw@db/app`) or a Go MySQL DSN
// (`app:pw@tcp(db:3306)/shop`), optionally after a flag (`-DSN=`, `--database-url=`).
const CREDENTIALED = [/[a-z][a-z0-9+.-]*:\/\/([^\s:@/]+):([^\s@/]+)@([\w.-]*)/i, /([\w.%-]+):([^\s@/]+)@((?:tcp|unix)\([\w.:/-]*\))/];

/** A credential an argument carries, redacted; none when its password is a reference (`$(DB_PASSWORD)`). */
function credentialArg(arg: string): string[] {
  const m = CREDENTIALED.map((re) => re.exec(arg)).find((x) => x !== null);
  if (!m) return [];
  const [, user, password = "", host] = m;
  if (/^\$[({]?\w|\{\{/.test(password) || password.includes(UNRESOLVED)) return [];
  const flag = /^-{1,2}[\w.-]+=/.exec(arg)?.[0] ?? "";
  const preview = /\*{4}$/.test(password) ? password : previewSecret({ value: password, keepPrefix: isProviderSecret(password) });
  return [`${flag}${user}:${preview}@${host}`];
}

function summarizeEnv(e: Obj): EnvVarFact {
  const name = String(e.name ?? "");
  const from = e.valueFrom ? obj(e.valueFrom) : null;
  if (from) {
    const source = from.secretKeyRef
      ? "secretKeyRef"
      : from.configMapKeyRef
        ? "configMapKeyRef"
        : from.resourceFieldRef
          ? "resourceFieldRef"
          : "fieldRef";
    return { name, source };
  }
  const value = typeof e.value === "string" ? e.value : "";
  // `$(OTHER)` expands another variable; a template value left unresolved is not known: neither is a literal.
  if (value === "" || /^\$\(\w+\)$/.test(value.trim()) || value.includes(UNRESOLVED) || value.includes("{{"))
    return { name, source: "literal" };
  // A manifest's text is redacted before it is parsed (lib/facts/redact-secrets.ts): a value it masked is a
  // credential literal, and already safe to show.
  if (/\*{4}$|:\*{4}@/.test(value)) return { name, source: "literal", secretPreview: value };
  // A known token shape may keep its prefix (AKIA…); a password keeps nothing.
  const token = isProviderSecret(value);
  const credentials =
    token ||
    /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:[^\s@/]+@/i.test(value) ||
    /(^|;)\s*(password|pwd)=[^;\s]+/i.test(value) ||
    // What an env literal says is what runs: a secret-named one is a credential even when it reads "changeme".
    (looksSecretName(name) && !/^\$\{[^}]*\}$|^\$[A-Za-z_]\w*$/.test(value.trim()));
  return credentials
    ? { name, source: "literal", secretPreview: previewSecret({ value, keepPrefix: token }) }
    : { name, source: "literal" };
}
