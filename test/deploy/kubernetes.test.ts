import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, it } from "node:test";
import { stringify } from "yaml";
import { collectCluster } from "@/lib/collectors/kubernetes/collect-cluster";
import { loadKubeConfig } from "@/lib/collectors/kubernetes/load-kube-config";
import { createKubeClient } from "@/lib/collectors/kubernetes/request-kube";
import { parseEnv } from "@/lib/env";
import { looksSecretName } from "@/lib/facts/secret-rules";
import { parseManifests } from "@/lib/facts/parse-manifests";
import { ROOT } from "@/lib/ops/bin-path";
import { evaluateClusterTarget } from "@/lib/pipeline/evaluate-cluster-target";
import { planClusterTargets } from "@/lib/pipeline/plan-cluster-targets";
import { KINDS } from "@/test/kubernetes/kinds";
import { matchLabelSelector } from "@/test/kubernetes/match-label-selector";
import { startStandIn, type KubeObject } from "@/test/kubernetes/stand-in";
import { readImage, readProcessTypes } from "@/test/deploy/read-image";
import { OVERLAYS, podSpecOf, renderKustomization, type Container, type RenderedObject } from "@/test/deploy/render-kustomization";

/**
 * The Kustomize deployment (deploy/kubernetes) as an operator applies it: every overlay rendered by the real
 * `kubectl kustomize`, every object validated against the official schemas, the promises of deploy/README.md
 * asserted on the rendered objects, and the result audited by Dozen's own cluster and workload checks through
 * the stand-in API server: a deployment of Dozen must pass every check Dozen makes of others.
 */
const scratch = mkdtempSync(path.join(tmpdir(), "dozen-deploy-k8s-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

const image = readImage();
const { version } = JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };
const processTypes = readProcessTypes().map((p) => p.name);
// Variables README's configuration table documents: the only ones a ConfigMap may set.
const documented = new Set(
  [...readFileSync(path.join(ROOT, "README.md"), "utf8").matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((m) => m[1]),
);

const isDozen = (o: RenderedObject) => o.metadata.labels?.["app.kubernetes.io/name"] === "dozen";
const workloads = (objects: RenderedObject[]) => objects.filter((o) => podSpecOf(o));
const containersOf = (o: RenderedObject): Container[] => {
  const spec = podSpecOf(o);
  return spec ? [...(spec.initContainers ?? []), ...spec.containers] : [];
};
const component = (o: RenderedObject) => o.metadata.labels?.["app.kubernetes.io/component"];
const find = (objects: RenderedObject[], kind: string, name: string) => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  assert.ok(found, `${kind}/${name} is rendered`);
  return found;
};

for (const dir of OVERLAYS) {
  describe(dir, () => {
    const objects = renderKustomization({ dir });

    it("renders with kubectl kustomize, and every object is valid against the official Kubernetes schema", async () => {
      assert.ok(objects.length > 0);
      for (const o of objects) {
        const models = (await import(`kubernetes-models/${o.apiVersion}`)) as Record<string, new (data: unknown) => { validate(): void }>;
        const Model = models[o.kind];
        assert.ok(Model, `kubernetes-models has no ${o.apiVersion} ${o.kind}`);
        assert.doesNotThrow(() => new Model(o).validate(), `${o.kind}/${o.metadata.name}`);
      }
    });

    it("references Secrets and never carries a credential: no Secret object, no credential literal in env", () => {
      assert.deepEqual(
        objects.filter((o) => o.kind === "Secret").map((o) => o.metadata.name),
        [],
      );
      for (const w of workloads(objects)) {
        for (const c of containersOf(w)) {
          for (const e of c.env ?? []) {
            if (e.value === undefined) continue;
            assert.ok(!looksSecretName(e.name), `${w.metadata.name}/${c.name} sets ${e.name} literally`);
            assert.doesNotMatch(e.value, /:\/\/[^\s/@]*:[^\s/@]+@/, `${w.metadata.name}/${c.name} ${e.name} holds a password`);
          }
        }
      }
      for (const w of workloads(objects).filter(isDozen)) {
        for (const c of containersOf(w)) {
          const url = c.env?.find((e) => e.name === "DATABASE_URL");
          assert.deepEqual(url?.valueFrom?.secretKeyRef, { name: "dozen-database", key: "url" }, `${w.metadata.name}/${c.name}`);
        }
      }
    });

    it("exposes the web only with sign-in: its OIDC client and session key come from the Secret dozen-oidc", () => {
      const web = containersOf(find(objects, "Deployment", "dozen-web")).find((c) => c.name === "web")!;
      for (const [name, key] of [
        ["DOZEN_OIDC_ISSUER", "issuer"],
        ["DOZEN_OIDC_CLIENT_ID", "client-id"],
        ["DOZEN_OIDC_CLIENT_SECRET", "client-secret"],
        ["DOZEN_SESSION_SECRET", "session-secret"],
      ])
        assert.deepEqual(web.env?.find((e) => e.name === name)?.valueFrom?.secretKeyRef, { name: "dozen-oidc", key }, name);
    });

    it("locks every container down: the image's non-root user, read-only root, no privilege escalation or capabilities", () => {
      const [uid, gid] = (image.user ?? "").split(":").map(Number);
      for (const w of workloads(objects)) {
        const spec = podSpecOf(w)!;
        const where = `${w.kind}/${w.metadata.name}`;
        assert.equal(spec.securityContext?.runAsNonRoot, true, where);
        assert.equal(spec.securityContext?.seccompProfile?.type, "RuntimeDefault", where);
        if (isDozen(w)) assert.deepEqual([spec.securityContext?.runAsUser, spec.securityContext?.runAsGroup], [uid, gid], where);
        for (const c of containersOf(w)) {
          assert.deepEqual(
            c.securityContext,
            { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ["ALL"] } },
            `${where} ${c.name}`,
          );
        }
        // What must stay writable is an emptyDir (or the StatefulSet's own volume), never the image.
        const scratchVolumes = new Set((spec.volumes ?? []).filter((v) => v.emptyDir).map((v) => v.name));
        for (const v of spec.volumes ?? []) assert.ok(v.emptyDir?.sizeLimit || v.secret, `${where} volume ${v.name} is bounded`);
        if (isDozen(w)) {
          for (const c of containersOf(w))
            assert.ok(
              c.volumeMounts?.some((m) => m.mountPath === "/tmp" && scratchVolumes.has(m.name)),
              `${where} ${c.name} has an emptyDir /tmp`,
            );
        }
      }
    });

    it("runs the image's process types: web behind a Service probed on /api/readyz and /api/healthz, worker, migrate as a Job", () => {
      const dozen = workloads(objects).filter(isDozen);
      const images = new Set(dozen.flatMap((w) => containersOf(w).map((c) => c.image)));
      assert.equal(images.size, 1, `one release image for every process type: ${[...images].join(", ")}`);
      for (const w of dozen) {
        const [c] = containersOf(w);
        assert.equal(containersOf(w).length, 1);
        assert.equal(c?.command, undefined, "the image's entrypoint runs, with the process type as its argument");
        assert.deepEqual(c?.args, [component(w)], `${w.kind}/${w.metadata.name}`);
        assert.ok(processTypes.includes(component(w) ?? ""), `bin/dozen-process knows ${component(w)}`);
      }
      assert.deepEqual(
        dozen.map((w) => `${w.kind}:${component(w)}`).filter((k) => !k.endsWith("seed-demo")),
        ["Deployment:web", "Deployment:worker", "Job:migrate"],
      );

      const web = find(objects, "Deployment", "dozen-web");
      const [webContainer] = containersOf(web);
      assert.deepEqual(webContainer?.ports, [{ name: "http", containerPort: Number(image.env.PORT) }]);
      assert.deepEqual(webContainer?.readinessProbe?.httpGet, { path: "/api/readyz", port: "http" });
      assert.deepEqual(webContainer?.livenessProbe?.httpGet, { path: "/api/healthz", port: "http" });
      for (const route of ["healthz", "readyz"]) assert.ok(existsSync(path.join(ROOT, "app/api", route, "route.ts")), `app/api/${route}`);
      const service = find(objects, "Service", "dozen-web");
      assert.deepEqual(
        (service.spec as { selector: unknown }).selector,
        (web.spec as { selector: { matchLabels: unknown } }).selector.matchLabels,
      );
      // The web's cache lies inside the standalone server's directory, where the image puts it.
      const standalone = image.copies.find((c) => c.sources.includes("/app/.next/standalone"))?.dest;
      assert.ok(
        webContainer?.volumeMounts?.some((m) => m.mountPath === `${standalone}/.next/cache`),
        `an emptyDir at ${standalone}/.next/cache`,
      );

      // The worker's probes read the heartbeat file it writes inside its /tmp emptyDir.
      const worker = find(objects, "Deployment", "dozen-worker");
      const [workerContainer] = containersOf(worker);
      const settings = configMap(objects);
      assert.match(settings.DOZEN_WORKER_HEARTBEAT_FILE ?? "", /^\/tmp\/[^/]+$/);
      for (const probe of [workerContainer?.readinessProbe, workerContainer?.livenessProbe, workerContainer?.startupProbe])
        assert.match(probe?.exec?.command.join(" ") ?? "", /\$DOZEN_WORKER_HEARTBEAT_FILE/);

      const job = find(objects, "Job", "dozen-migrate");
      assert.equal((podSpecOf(job) as { restartPolicy?: string }).restartPolicy, "Never");
    });

    it("sizes every container and ends every process gracefully", () => {
      const settings = configMap(objects);
      for (const w of workloads(objects)) {
        for (const c of containersOf(w)) {
          const where = `${w.kind}/${w.metadata.name} ${c.name}`;
          assert.ok(
            c.resources?.requests?.cpu && c.resources.requests.memory && c.resources.limits?.memory,
            `${where} requests and limits`,
          );
          if (c.ports?.length) assert.ok(c.lifecycle?.preStop, `${where} listens: a preStop hook lets endpoints forget it first`);
        }
      }
      // A worker drains for DOZEN_SHUTDOWN_TIMEOUT_MS and exits 1 s after at the latest: the kubelet waits longer.
      const worker = find(objects, "Deployment", "dozen-worker");
      const grace = podSpecOf(worker)?.terminationGracePeriodSeconds ?? 30;
      assert.ok(grace * 1000 > Number(settings.DOZEN_SHUTDOWN_TIMEOUT_MS) + 1000, `grace ${grace} s`);
      // Replicated by autoscalers, never pinned by `replicas` (an apply would reset what the HPA chose).
      for (const name of ["dozen-web", "dozen-worker"]) {
        assert.equal((find(objects, "Deployment", name).spec as { replicas?: number }).replicas, undefined, name);
        find(objects, "HorizontalPodAutoscaler", name);
        find(objects, "PodDisruptionBudget", name);
      }
    });

    it("pins every image to a release: Dozen's is the package's version", () => {
      for (const w of workloads(objects))
        for (const c of containersOf(w))
          assert.match(c.image, /(:\d+(\.\d+)+[\w.-]*|@sha256:[0-9a-f]{64})$/, `${w.metadata.name} ${c.image}`);
      for (const w of workloads(objects).filter(isDozen))
        for (const c of containersOf(w)) assert.ok(c.image.endsWith(`dozen:${version}`), `${w.metadata.name} runs ${c.image}`);
    });

    it("keeps settings in one ConfigMap of variables lib/env.ts accepts and README documents", () => {
      const settings = configMap(objects);
      for (const key of Object.keys(settings)) assert.ok(documented.has(key), `${key} is in README's configuration table`);
      assert.equal(settings.DATABASE_URL, undefined, "the database URL is a Secret");
      assert.doesNotThrow(() => parseEnv(settings));
      for (const w of workloads(objects).filter(isDozen))
        for (const c of containersOf(w))
          assert.ok(
            c.envFrom?.some((e) => e.configMapRef?.name.startsWith("dozen-config-")),
            `${w.metadata.name} reads the settings (hash-suffixed: a change rolls the pods)`,
          );
    });

    it("grants the worker get/list on exactly the kinds the audit reads, and no other pod a token", () => {
      const role = find(objects, "ClusterRole", "dozen-cluster-reader") as RenderedObject & {
        rules: { apiGroups: string[]; resources: string[]; verbs: string[] }[];
      };
      const granted = role.rules.flatMap((r) => {
        assert.deepEqual([...r.verbs].sort(), ["get", "list"]);
        return r.apiGroups.flatMap((g) => r.resources.map((res) => `${g}/${res}`));
      });
      assert.deepEqual(granted.sort(), KINDS.map((k) => `${k.group}/${k.resource}`).sort());
      const binding = find(objects, "ClusterRoleBinding", "dozen-cluster-reader") as RenderedObject & {
        roleRef: { name: string };
        subjects: { kind: string; name: string; namespace: string }[];
      };
      assert.equal(binding.roleRef.name, "dozen-cluster-reader");
      const worker = find(objects, "Deployment", "dozen-worker");
      assert.deepEqual(binding.subjects, [
        { kind: "ServiceAccount", name: podSpecOf(worker)?.serviceAccountName, namespace: worker.metadata.namespace },
      ]);
      for (const w of workloads(objects).filter((o) => o !== worker))
        assert.equal(podSpecOf(w)?.automountServiceAccountToken, false, `${w.kind}/${w.metadata.name} gets no token`);
    });

    it("upgrades migrate first: deploy/README.md's first apply selects the migrate Job and its config, no web or worker", () => {
      const selector = /kubectl apply -k \. -l '([^']+)'/.exec(readFileSync(path.join(ROOT, "deploy/README.md"), "utf8"))?.[1];
      assert.ok(selector, "deploy/README.md names the selector of the upgrade's first apply");
      const first = objects.filter((o) => matchLabelSelector({ selector, labels: o.metadata.labels }));
      const job = find(objects, "Job", "dozen-migrate");
      assert.ok(first.includes(job));
      // Everything the Job's pod needs exists once the first apply is done.
      for (const o of objects.filter((x) => ["ConfigMap", "ServiceAccount", "Namespace"].includes(x.kind)))
        assert.ok(first.includes(o), o.kind);
      assert.deepEqual(
        first.filter((o) => ["web", "worker"].includes(component(o) ?? "")).map((o) => `${o.kind}/${o.metadata.name}`),
        [],
      );
      assert.ok(objects.filter((o) => !first.includes(o)).every((o) => ["web", "worker"].includes(component(o) ?? "")));
    });

    it("passes every check Dozen makes of a cluster when audited through the stand-in API server", async () => {
      const served: Record<string, KubeObject[]> = {};
      for (const o of objects) {
        const info = KINDS.find((k) => k.kind === o.kind);
        if (!info) continue;
        // List items carry no apiVersion/kind, as the API server serves them.
        const { apiVersion: _apiVersion, kind: _kind, ...item } = o;
        (served[info.resource] ??= []).push(item as KubeObject);
      }
      const standIn = await startStandIn({ objects: served });
      try {
        const kubeconfigPath = path.join(scratch, `${path.basename(dir)}.kubeconfig`);
        writeFileSync(kubeconfigPath, standIn.kubeconfig(path.basename(dir)));
        const client = await createKubeClient({ kc: await loadKubeConfig({ kubeconfigPath }), name: path.basename(dir) });
        const facts = await collectCluster({ client });
        // Dozen's own repository is a registered service, as it would be where Dozen audits itself.
        const plans = planClusterTargets({ facts, candidates: [{ id: 1, name: "dozen", slug: "dozen", repoUrl: null }] });
        // What the repository declares is what runs: the drift check compares them.
        const declared = parseManifests({ path: `${dir}/rendered.yaml`, text: objects.map((o) => stringify(o)).join("---\n") }).objects;
        const results = plans.map((plan) => ({ plan, ...evaluateClusterTarget({ plan, declared, repoConfig: null }) }));
        assert.deepEqual(results.map((r) => r.plan.group.name).sort(), dir.endsWith("demo") ? ["dozen", "postgresql"] : ["dozen"]);
        for (const { plan, findings } of results) {
          assert.deepEqual(
            findings.filter((f) => f.outcome === "fail" || f.outcome === "error").map((f) => `${f.ruleId}: ${f.message}`),
            [],
            `${plan.group.name}: every check passes`,
          );
        }
        // Not vacuous: the checks this deployment is built to satisfy judged it and passed.
        const dozen = results.find((r) => r.plan.group.name === "dozen")!;
        const passed = dozen.findings.filter((f) => f.outcome === "pass").map((f) => f.ruleId);
        for (const id of [
          "scalesByReplicas",
          // The demo keeps one replica at rest: nothing for a budget to keep running.
          ...(dir.endsWith("demo") ? [] : ["declaresPodDisruptionBudget"]),
          "declaresProbes",
          "declaresResourceRequests",
          "runsAsNonRoot",
          "readOnlyRootFilesystem",
          "clusterShutsDownGracefully",
          "clusterPortsExposedByService",
          "clusterDeploymentsStateless",
          "clusterMigrationsAsJobs",
          "backingServiceCredentialsFromSecrets",
          "deploysImmutableImageTags",
        ])
          assert.ok(passed.includes(id), `${id} passes (got ${dozen.findings.find((f) => f.ruleId === id)?.outcome})`);
      } finally {
        await standIn.close();
      }
    });
  });
}

it("the cluster reader renders on its own, for a Dozen that audits this cluster from elsewhere", () => {
  const objects = renderKustomization({ dir: "deploy/kubernetes/cluster-reader" });
  assert.deepEqual(objects.map((o) => o.kind).sort(), ["ClusterRole", "ClusterRoleBinding", "Namespace", "ServiceAccount"]);
});

/** The data of the overlay's one settings ConfigMap. */
function configMap(objects: RenderedObject[]): Record<string, string> {
  const maps = objects.filter((o) => o.kind === "ConfigMap");
  assert.equal(maps.length, 1, "one ConfigMap of settings");
  return (maps[0] as RenderedObject & { data: Record<string, string> }).data;
}
