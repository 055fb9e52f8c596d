import type { ContainerFact, EnvVarFact, WorkloadFacts, WorkloadKind } from "@/lib/facts/cluster-types";
import { literalPart, looksSecretName, TOKEN_PATTERNS } from "@/lib/facts/secret-rules";
import { previewSecret } from "@/lib/facts/preview-secret";

type Obj = Record<string, unknown>;
const MIGRATION =
  /\b(db:migrate|migrate|migrations?|flyway|liquibase|alembic\s+upgrade|knex\s+migrate|prisma\s+migrate|sequelize\s+db:migrate)\b/i;

/**
 * One workload object from a list page → compact facts. Env values are dropped here, at the edge: only
 * names survive, plus a 4-character-at-most preview for literals that look like credentials.
 */
export function summarizeWorkload(opts: { kind: WorkloadKind; item: Obj }): WorkloadFacts {
  const meta = (opts.item.metadata ?? {}) as Obj;
  const spec = (opts.item.spec ?? {}) as Obj;
  const templatePath = opts.kind === "CronJob" ? "spec.jobTemplate.spec.template" : "spec.template";
  const template = (opts.kind === "CronJob" ? dig(spec, "jobTemplate", "spec", "template") : spec.template) as Obj | undefined;
  const podSpec = (template?.spec ?? {}) as Obj;
  const volumes = (podSpec.volumes ?? []) as Obj[];
  const annotations = Object.fromEntries(
    Object.entries((meta.annotations ?? {}) as Record<string, string>).filter(([k]) => k.startsWith("dozen.dev/")),
  );
  return {
    kind: opts.kind,
    namespace: String(meta.namespace ?? "default"),
    name: String(meta.name ?? ""),
    labels: { ...((meta.labels ?? {}) as Record<string, string>) },
    annotations,
    podLabels: { ...((dig(template ?? {}, "metadata", "labels") ?? {}) as Record<string, string>) },
    replicas: typeof spec.replicas === "number" ? spec.replicas : opts.kind === "Deployment" || opts.kind === "StatefulSet" ? 1 : null,
    terminationGracePeriodSeconds: typeof podSpec.terminationGracePeriodSeconds === "number" ? podSpec.terminationGracePeriodSeconds : null,
    volumes: {
      pvc: volumes.filter((v) => v.persistentVolumeClaim).map((v) => String(v.name)),
      hostPath: volumes.filter((v) => v.hostPath).map((v) => String(v.name)),
    },
    containers: [
      ...((podSpec.initContainers ?? []) as Obj[]).map((c, i) =>
        summarizeContainer(c, true, `${templatePath}.spec.initContainers[${i}]`, podSpec),
      ),
      ...((podSpec.containers ?? []) as Obj[]).map((c, i) =>
        summarizeContainer(c, false, `${templatePath}.spec.containers[${i}]`, podSpec),
      ),
    ],
    running: { digests: [], restarts: 0, pods: 0 },
  };
}

function summarizeContainer(c: Obj, init: boolean, jsonPath: string, podSpec: Obj): ContainerFact {
  const sc = (c.securityContext ?? {}) as Obj;
  const podSc = (podSpec.securityContext ?? {}) as Obj;
  const resources = (c.resources ?? {}) as Obj;
  const command = [...((c.command ?? []) as string[]), ...((c.args ?? []) as string[])].join(" ");
  return {
    name: String(c.name ?? ""),
    image: String(c.image ?? ""),
    init,
    jsonPath,
    env: ((c.env ?? []) as Obj[]).map(summarizeEnv),
    envFrom: ((c.envFrom ?? []) as Obj[]).flatMap((e): ContainerFact["envFrom"] => {
      if (e.secretRef) return [{ kind: "secret" as const, name: String((e.secretRef as Obj).name ?? "") }];
      if (e.configMapRef) return [{ kind: "configMap" as const, name: String((e.configMapRef as Obj).name ?? "") }];
      return [];
    }),
    ports: ((c.ports ?? []) as Obj[]).map((p) => Number(p.containerPort)).filter(Number.isFinite),
    probes: { readiness: Boolean(c.readinessProbe), liveness: Boolean(c.livenessProbe), startup: Boolean(c.startupProbe) },
    preStop: Boolean(dig(c, "lifecycle", "preStop")),
    requests: Object.keys((resources.requests ?? {}) as Obj).length > 0,
    limits: Object.keys((resources.limits ?? {}) as Obj).length > 0,
    runAsNonRoot:
      sc.runAsNonRoot === true ||
      (sc.runAsNonRoot === undefined && podSc.runAsNonRoot === true) ||
      (typeof sc.runAsUser === "number" && sc.runAsUser > 0),
    readOnlyRootFilesystem: sc.readOnlyRootFilesystem === true,
    runsMigrations: MIGRATION.test(command),
  };
}

function summarizeEnv(e: Obj): EnvVarFact {
  const name = String(e.name ?? "");
  const from = (e.valueFrom ?? null) as Obj | null;
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
  if (value === "") return { name, source: "literal" };
  // A known token shape may keep its prefix (AKIA…); a password keeps nothing.
  const token = TOKEN_PATTERNS.some((p) => {
    p.regex.lastIndex = 0;
    return p.regex.test(value);
  });
  const credentials =
    token || /^[a-z][a-z0-9+.-]*:\/\/[^\s:@/]*:[^\s@/]+@/i.test(value) || (looksSecretName(name) && literalPart(value) !== null);
  return credentials
    ? { name, source: "literal", secretPreview: previewSecret({ value, keepPrefix: token }) }
    : { name, source: "literal" };
}

function dig(o: Obj, ...keys: string[]): unknown {
  let cur: unknown = o;
  for (const k of keys) cur = cur && typeof cur === "object" ? (cur as Obj)[k] : undefined;
  return cur;
}
