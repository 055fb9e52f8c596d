import type { RepoInventory } from "@/lib/facts/deploy-graph/inventory";
import { join, parseSkaffold } from "@/lib/facts/deploy-graph/parse-skaffold";
import { parseWorkflowBuilds } from "@/lib/facts/deploy-graph/parse-workflow-builds";
import { expandShellScript } from "@/lib/facts/deploy-graph/expand-shell-script";
import { parseKubectlCommands } from "@/lib/facts/deploy-graph/parse-kubectl-commands";
import { mavenParentBuilds } from "@/lib/facts/deploy-graph/maven-parent-builds";
import { CONVENTION_PLUGIN, gradleConventionsOf } from "@/lib/facts/deploy-graph/gradle-conventions";
import { parseNomad } from "@/lib/facts/deploy-graph/parse-nomad";
import { renderHelmChart } from "@/lib/facts/deploy-graph/render-helm-chart";
import { structureKind } from "@/lib/facts/deploy-graph/structure-files";
import { WORKLOAD_KINDS, type DeclaredWorkload, type DeployGraph, type ImageBuild } from "@/lib/facts/deploy-graph/types";
import { parseCompose } from "@/lib/facts/parse-compose";
import { parseManifests } from "@/lib/facts/parse-manifests";
import { redactSecrets } from "@/lib/facts/redact-secrets";
import { splitLines } from "@/lib/facts/split-lines";
import type { ComposeFacts, ManifestObject } from "@/lib/facts/types";

// Deploy config in these folders is test or sample material, never what runs.
const NOT_DEPLOYED = /(^|\/)(tests?|e2e|testdata|test-data|fixtures|__tests__|examples?|docs?|src\/it)(\/|$)/i;

/** Marks an object a chart's templates declare but its default values leave out. */
export const OPTIONAL_ANNOTATION = "dozen.dev/optional";

/**
 * One repository's deployment graph, from everything the inventory read: the images it builds (compose
 * `build`, skaffold artifacts, CI build steps, Jib/Buildpacks/ko) and every declaration of a workload —
 * plain Kubernetes YAML anywhere in the tree, Kustomize directories as `kubectl kustomize` rendered them,
 * Helm charts rendered with their own values, compose services — beside the other objects (Services, HPAs,
 * PDBs...). Every text is redacted before it is parsed, so no secret literal reaches the graph. Pure.
 */
export function buildDeployGraph(inventory: Pick<RepoInventory, "files" | "texts" | "rendered">): DeployGraph {
  const chartDirs = new Set(inventory.files.filter((f) => /(^|\/)Chart\.ya?ml$/.test(f)).map(dirOf));
  const texts = inventory.texts.map((t) => ({ path: t.path, text: redact(t.path, t.text) }));
  const builds: ImageBuild[] = [];
  const objects: ManifestObject[] = [];
  const composeFiles: ComposeFacts[] = [];
  const rendered: DeployGraph["rendered"] = [];
  const workloads: DeclaredWorkload[] = [];
  // Files a kustomization applies as patches are changes to objects, not objects of their own.
  const patches = new Set(texts.filter((t) => structureKind({ path: t.path }) === "kustomization").flatMap((t) => patchFiles(t)));

  // CI steps call build scripts with arguments (`entrypoint: ./scripts/build-docker.sh`, `args: [cart]`).
  const scripts = new Map(texts.filter((t) => structureKind({ path: t.path }) === "script").map((t) => [t.path, t.text]));
  for (const { path, text } of texts) {
    const kind = structureKind({ path, chartDirs });
    if (kind === "skaffold") builds.push(...parseSkaffold({ path, text }));
    else if (kind === "workflow") builds.push(...parseWorkflowBuilds({ path, text, scripts }));
    else if (kind === "script" && !NOT_DEPLOYED.test(path))
      objects.push(...parseKubectlCommands({ path, commands: expandShellScript({ text }) }));
    else if (kind === "compose" && !NOT_DEPLOYED.test(path)) {
      const dotenv = texts.find((t) => t.path === `${dirOf(path) === "" ? "" : `${dirOf(path)}/`}.env`)?.text;
      const { compose } = parseCompose({ path, text: interpolate(text, parseDotenv(dotenv)) });
      if (compose) composeFiles.push(compose);
    } else if (kind === "build-manifest") builds.push(...jvmImageBuilds({ path, text }));
    else if (kind === "nomad" && !NOT_DEPLOYED.test(path)) workloads.push(...parseNomad({ path, text }));
    else if (kind === "yaml" && !NOT_DEPLOYED.test(path) && !patches.has(path)) {
      for (const object of parseManifests({ path, text }).objects)
        if (object.kind !== "Kustomization" && !("$patch" in object.object)) objects.push(object);
    }
  }
  builds.push(...mavenParentBuilds({ texts }));
  builds.push(...conventionJibBuilds(texts));
  for (const compose of composeFiles) {
    const dir = dirOf(compose.path);
    for (const service of compose.services) {
      if (service.build && service.buildContext !== undefined && service.buildContext !== null && !/\$\{/.test(service.buildContext)) {
        const context = join(dir, service.buildContext);
        builds.push({
          context,
          dockerfile: join(context, service.buildDockerfile ?? "Dockerfile"),
          image: service.image,
          name: service.name,
          via: "compose",
          at: { path: compose.path, line: service.line },
        });
      }
      workloads.push({
        descriptor: "compose",
        kind: "ComposeService",
        name: service.name,
        namespace: null,
        images: service.image ? [service.image] : [],
        containerNames: [service.name],
        labels: {},
        object: null,
        compose: { file: compose.path, service },
        at: { path: compose.path, line: service.line },
        via: null,
      });
    }
  }
  // Base resources a rendered kustomization built objects from: what is deployed is the rendered object (its
  // `images:` tags, patches and name prefixes applied), so the raw file is no declaration of its own.
  const renderedFrom = new Set<ManifestObject>();
  for (const r of inventory.rendered) {
    if (NOT_DEPLOYED.test(`${r.dir}/`)) continue;
    rendered.push({ dir: r.dir, descriptor: "kustomize", ok: r.text !== null, ...(r.error ? { reason: r.error } : {}) });
    if (r.text === null) continue;
    const file = `${r.dir === "" ? "" : `${r.dir}/`}kustomization.yaml`;
    for (const object of parseManifests({ path: file, text: redact(file, r.text) }).objects) {
      // Point at the base resource the object was built from, where a fix goes, when one declares it.
      const source = objects
        .filter((o) => o.kind === object.kind && (o.name === object.name || object.name.endsWith(`-${o.name}`)))
        .sort((a, b) => sharedPrefix(b.path, r.dir) - sharedPrefix(a.path, r.dir))[0];
      if (source && source.via === undefined) renderedFrom.add(source);
      objects.push({
        ...object,
        path: source?.path ?? file,
        lineStart: source?.lineStart ?? 1,
        lineEnd: source?.lineEnd ?? 1,
        documentIndex: source?.documentIndex ?? object.documentIndex,
        via: r.dir,
      });
    }
  }
  for (let i = objects.length - 1; i >= 0; i--) if (renderedFrom.has(objects[i]!)) objects.splice(i, 1);
  for (const dir of [...chartDirs].sort()) {
    if (NOT_DEPLOYED.test(`${dir}/`)) continue;
    const chart = renderHelmChart({ dir, texts });
    rendered.push({
      dir,
      descriptor: "helm",
      ok: chart.problems.length === 0,
      ...(chart.problems[0] ? { reason: `${chart.problems[0].path}: ${chart.problems[0].reason}` } : {}),
      unresolved: chart.unresolved,
    });
    const own = chart.objects.filter((object) => !/\/templates\/tests\//.test(object.path));
    for (const object of own) objects.push({ ...object, via: dir });
    objects.push(...optionalAutoscalers({ dir, texts, rendered: own }));
  }
  for (const object of objects) {
    if (!WORKLOAD_KINDS.has(object.kind)) continue;
    const via = object.via ?? null;
    const descriptor = via === null ? "kubernetes" : chartDirs.has(via) ? "helm" : "kustomize";
    const containers = podSpecOf(object).containers;
    workloads.push({
      descriptor,
      kind: object.kind,
      name: object.name,
      namespace: object.namespace,
      images: containers.map((c) => (typeof c.image === "string" ? c.image : "")).filter(Boolean),
      containerNames: containers.map((c) => (typeof c.name === "string" ? c.name : "")).filter(Boolean),
      labels: { ...labelsOf(object.object.metadata), ...labelsOf(podTemplateOf(object)?.metadata) },
      object,
      compose: null,
      at: { path: object.path, line: object.lineStart },
      via,
    });
  }
  const lines = new Map(texts.filter((t) => !/(^|\/)\.env$/.test(t.path)).map((t) => [t.path, t.text.split(/\r?\n/)]));
  const dotenvs = new Map(texts.filter((t) => /(^|\/)\.env$/.test(t.path)).map((t) => [dirOf(t.path), t]));
  return { builds: dedupeBuilds(builds), workloads, objects, composeFiles, rendered, lines, dotenvs };
}

/** A workload's pod template (CronJob: its job's), or null. */
export function podTemplateOf(object: ManifestObject): Record<string, unknown> | null {
  const spec = record(object.object.spec);
  if (object.kind === "Pod") return { metadata: object.object.metadata, spec };
  if (object.kind === "CronJob") return record(record(record(spec?.jobTemplate)?.spec)?.template);
  return record(spec?.template);
}

/** The app containers (not init containers) of a workload's pod spec. */
export function podSpecOf(object: ManifestObject): { containers: Record<string, unknown>[] } {
  const spec = record(podTemplateOf(object)?.spec);
  return { containers: (Array.isArray(spec?.containers) ? spec.containers : []).map((c) => record(c) ?? {}) };
}

/** Images Maven or Gradle builds without a Dockerfile: the Jib plugin, or Spring Boot's buildpacks `build-image`. */
function jvmImageBuilds(opts: { path: string; text: string }): ImageBuild[] {
  const base = opts.path.split("/").at(-1) ?? "";
  if (!/^(pom\.xml|build\.gradle(\.kts)?)$/.test(base)) return [];
  // A parent POM's plugin configures its modules' builds (findModules finds them), not an image of its own.
  if (/<modules>/.test(opts.text)) return [];
  const jib = /jib-maven-plugin|com\.google\.cloud\.tools\.jib/.test(opts.text);
  const buildpacks = /<goal>\s*build-image\s*<\/goal>|bootBuildImage/.test(opts.text);
  if (!jib && !buildpacks) return [];
  const line = opts.text.split("\n").findIndex((l) => /jib|build-image|bootBuildImage/.test(l)) + 1;
  return [
    {
      context: dirOf(opts.path),
      dockerfile: null,
      image: null,
      name: null,
      via: jib ? "jib" : "buildpacks",
      at: { path: opts.path, line: Math.max(1, line) },
    },
  ];
}

/** Gradle modules whose convention plugin (buildSrc, build-logic) applies Jib: each builds its image without a Dockerfile. */
function conventionJibBuilds(texts: readonly { path: string; text: string }[]): ImageBuild[] {
  const gradle = new Map(texts.filter((t) => /\.gradle(\.kts)?$/.test(t.path)).map((t) => [t.path, t.text]));
  const out: ImageBuild[] = [];
  for (const path of gradle.keys()) {
    if (!/(^|\/)build\.gradle(\.kts)?$/.test(path) || CONVENTION_PLUGIN.test(path)) continue;
    const own = gradle.get(path)!;
    if (/jib|bootBuildImage/.test(own)) continue;
    const moduleDir = dirOf(path);
    const via = gradleConventionsOf({ moduleDir, texts: gradle }).find(
      (p) => CONVENTION_PLUGIN.test(p) && /com\.google\.cloud\.tools\.jib|\bjib\s*\{/.test(gradle.get(p) ?? ""),
    );
    if (!via) continue;
    const line = (gradle.get(via) ?? "").split("\n").findIndex((l) => /jib/.test(l)) + 1;
    out.push({ context: moduleDir, dockerfile: null, image: null, name: null, via: "jib", at: { path: via, line: Math.max(1, line) } });
  }
  return out;
}

/** The files a kustomization names as patches (patchesStrategicMerge, patches[].path, patchesJson6902[].path). */
function patchFiles(kustomization: { path: string; text: string }): string[] {
  const dir = dirOf(kustomization.path);
  const out: string[] = [];
  for (const m of kustomization.text.matchAll(/^\s*-?\s*(?:path:\s*)?([\w./-]+\.ya?ml)\s*$/gm)) {
    const before = kustomization.text.slice(0, m.index);
    const section = [...before.matchAll(/^(\w+):/gm)].at(-1)?.[1] ?? "";
    if (/^patch/.test(section)) out.push(join(dir, m[1]!));
  }
  return out;
}

/** How many leading path segments two paths share: a rendered object belongs to the base nearest its kustomization. */
function sharedPrefix(a: string, b: string): number {
  const x = a.split("/");
  const y = b.split("/");
  let n = 0;
  while (n < x.length && n < y.length && x[n] === y[n]) n++;
  return n;
}

function dedupeBuilds(builds: ImageBuild[]): ImageBuild[] {
  const seen = new Set<string>();
  return builds.filter((b) => {
    const key = `${b.via}|${b.context}|${b.dockerfile}|${b.image}|${b.name}|${b.module ?? ""}|${JSON.stringify(b.args ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** `KEY=value` lines of a compose file's `.env` (comments, trailing ` # comments` and exports tolerated). */
function parseDotenv(text: string | undefined): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of (text ?? "").split(/\r?\n/)) {
    const m = line.match(/^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/);
    const quoted = m?.[2]?.match(/^(["'])(.*?)\1/);
    // As compose reads it: a quoted value is what the quotes hold; an unquoted one ends at ` #`.
    if (m) vars.set(m[1]!, quoted ? quoted[2]! : m[2]!.replace(/\s+#.*$/, "").trimEnd());
  }
  // Values may name other values (CART_ADDR=cart:${CART_PORT}).
  for (const [key, value] of vars) vars.set(key, interpolate(value, vars));
  return vars;
}

/**
 * Compose's variable interpolation: `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR`; unknown stays as
 * written. Compose substitutes into parsed strings; here it is text, so a value that is a whole YAML scalar and
 * would read as YAML syntax (a redacted `****` is an alias) is quoted.
 */
function interpolate(text: string, vars: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g,
    (
      whole: string,
      name: string | undefined,
      op: string | undefined,
      fallback: string | undefined,
      bare: string | undefined,
      at: number,
    ) => {
      const value = vars.get(name ?? bare ?? "");
      const result = value !== undefined && !(op === ":-" && value === "") ? value : op ? (fallback ?? "") : whole;
      if (result === whole || !/^[*&!|>%@`'"{[]/.test(result)) return result;
      const before = text.slice(text.lastIndexOf("\n", at - 1) + 1, at);
      const after = text.slice(at + whole.length, (text.indexOf("\n", at) + 1 || text.length + 1) - 1);
      return /(:\s+|^\s*-\s+)$/.test(before) && /^\s*(#.*)?$/.test(after) ? JSON.stringify(result) : result;
    },
  );
}

function redact(path: string, text: string): string {
  return redactSecrets({ path, lines: splitLines({ text }) }).lines.join("\n");
}

function labelsOf(metadata: unknown): Record<string, string> {
  const labels = record(record(metadata)?.labels) ?? {};
  return Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === "string"));
}

function dirOf(path: string): string {
  return path.includes("/") ? path.slice(0, path.lastIndexOf("/")) : "";
}

function record(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

/**
 * A chart that ships an autoscaler template its default values turn off (`autoscaling.enabled: false`) offers
 * autoscaling to whoever installs it: each Deployment or StatefulSet of the chart gets that HPA, marked as off by
 * default, with no minimum (so it never makes a workload count as replicated at rest).
 */
function optionalAutoscalers(opts: {
  dir: string;
  texts: readonly { path: string; text: string }[];
  rendered: readonly ManifestObject[];
}): ManifestObject[] {
  if (opts.rendered.some((o) => o.kind === "HorizontalPodAutoscaler" || o.kind === "ScaledObject")) return [];
  const template = opts.texts.find(
    (t) => t.path.startsWith(`${opts.dir}/templates/`) && /^\s*kind:\s*(HorizontalPodAutoscaler|ScaledObject)\s*$/m.test(t.text),
  );
  if (!template) return [];
  const line = template.text.split(/\r?\n/).findIndex((l) => /^\s*kind:\s*(HorizontalPodAutoscaler|ScaledObject)/.test(l)) + 1;
  return opts.rendered
    .filter((o) => o.kind === "Deployment" || o.kind === "StatefulSet")
    .map((o, i) => ({
      path: template.path,
      documentIndex: 1000 + i,
      lineStart: line,
      lineEnd: line,
      apiVersion: "autoscaling/v2",
      kind: "HorizontalPodAutoscaler",
      name: o.name,
      namespace: o.namespace,
      object: {
        apiVersion: "autoscaling/v2",
        kind: "HorizontalPodAutoscaler",
        metadata: { name: o.name, annotations: { [OPTIONAL_ANNOTATION]: "off in the chart's default values" } },
        spec: { scaleTargetRef: { apiVersion: "apps/v1", kind: o.kind, name: o.name } },
      },
      via: opts.dir,
    }));
}
