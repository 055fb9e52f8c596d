import assert from "node:assert/strict";
import { test } from "node:test";
import { UNRESOLVED } from "@/lib/facts/deploy-graph/go-template";
import { renderHelmChart } from "@/lib/facts/deploy-graph/render-helm-chart";

const chart = (templates: Record<string, string>, values: string) => [
  { path: "charts/shop/Chart.yaml", text: "apiVersion: v2\nname: shop\nversion: 1.2.0\nappVersion: 2.0.1\n" },
  { path: "charts/shop/values.yaml", text: values },
  ...Object.entries(templates).map(([name, text]) => ({ path: `charts/shop/templates/${name}`, text })),
];

const HELPERS = `{{- define "shop.fullname" -}}
{{ .Release.Name }}-{{ .Chart.Name }}
{{- end }}
{{- define "shop.labels" -}}
app.kubernetes.io/name: {{ .Chart.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
{{- end }}
`;

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "shop.fullname" . }}
  labels:
    {{- include "shop.labels" . | nindent 4 }}
spec:
  replicas: {{ .Values.replicaCount }}
  selector:
    matchLabels:
      app: {{ .Chart.Name }}
  template:
    metadata:
      labels:
        app: {{ .Chart.Name }}
    spec:
      containers:
        - name: {{ .Chart.Name }}
          image: "{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}"
          {{- with .Values.resources }}
          resources:
            {{- toYaml . | nindent 12 }}
          {{- end }}
          {{- if .Values.probes.enabled }}
          readinessProbe:
            httpGet: { path: /healthz, port: 8080 }
          {{- end }}
          env:
            {{- range $name, $value := .Values.env }}
            - name: {{ $name }}
              value: {{ $value | quote }}
            {{- end }}
            - name: NODE_IP
              value: {{ lookup "v1" "Node" "" "" }}
`;

test("renders a chart against its values: includes, toYaml | nindent, default, quote, with, if, range", () => {
  const values =
    "replicaCount: 3\nimage:\n  repository: ghcr.io/acme/shop\n  tag: ''\nresources:\n  requests:\n    cpu: 100m\n    memory: 64Mi\nprobes:\n  enabled: false\nenv:\n  LOG_LEVEL: info\n  PORT: 8080\n";
  const rendered = renderHelmChart({
    dir: "charts/shop",
    texts: chart({ "_helpers.tpl": HELPERS, "deployment.yaml": DEPLOYMENT }, values),
  });
  assert.deepEqual(rendered.problems, []);
  const [deployment] = rendered.objects;
  assert.ok(deployment);
  assert.deepEqual(
    [deployment.kind, deployment.name, deployment.path, deployment.lineStart],
    ["Deployment", "release-shop", "charts/shop/templates/deployment.yaml", 2],
  );
  const spec = deployment.object.spec as { replicas: number; template: { spec: { containers: Record<string, unknown>[] } } };
  assert.equal(spec.replicas, 3);
  const container = spec.template.spec.containers[0]!;
  assert.equal(container.image, "ghcr.io/acme/shop:2.0.1", "an empty tag falls back to the chart's appVersion");
  assert.deepEqual(container.resources, { requests: { cpu: "100m", memory: "64Mi" } });
  assert.equal(container.readinessProbe, undefined, "probes.enabled is false: no probe rendered");
  assert.deepEqual(container.env, [
    { name: "LOG_LEVEL", value: "info" },
    { name: "PORT", value: "8080" },
    { name: "NODE_IP", value: UNRESOLVED },
  ]);
  assert.deepEqual((deployment.object.metadata as { labels: unknown }).labels, {
    "app.kubernetes.io/name": "shop",
    "app.kubernetes.io/version": "2.0.1",
  });
  assert.deepEqual(rendered.unresolved, ['lookup "v1" "Node" "" ""'], "what cannot be known offline is said, never invented");
});

test("a missing value is nil, as in Helm: falsy in conditions, empty when printed", () => {
  const rendered = renderHelmChart({
    dir: "charts/shop",
    texts: chart({ "_helpers.tpl": HELPERS, "deployment.yaml": DEPLOYMENT }, "image:\n  repository: shop\n  tag: '1.0'\nprobes: {}\n"),
  });
  const container = (rendered.objects[0]!.object.spec as { template: { spec: { containers: Record<string, unknown>[] } } }).template.spec
    .containers[0]!;
  assert.equal(container.image, "shop:1.0");
  assert.equal(container.resources, undefined);
  assert.equal((rendered.objects[0]!.object.spec as { replicas: unknown }).replicas, null);
});

test("a template that does not render is a problem of the chart, never an exception", () => {
  const rendered = renderHelmChart({ dir: "charts/shop", texts: chart({ "broken.yaml": "kind: Service\n{{ if .Values.x }}\n" }, "") });
  assert.equal(rendered.objects.length, 0);
  assert.match(rendered.problems.map((p) => `${p.path}: ${p.reason}`).join("\n"), /^charts\/shop\/templates\/broken\.yaml: /);
});

test("values with a repeated key render as Helm does: the last one wins, the rest still resolve", () => {
  const values = "replicaCount: 1\nimage:\n  repository: ghcr.io/acme/shop\n  tag: 1.0.0\nreplicaCount: 3\n";
  const { objects } = renderHelmChart({
    dir: "charts/shop",
    texts: chart({ "_helpers.tpl": HELPERS, "deployment.yaml": DEPLOYMENT }, values),
  });
  const deployment = objects.find((o) => o.kind === "Deployment");
  assert.equal((deployment?.object.spec as { replicas?: number }).replicas, 3);
  assert.match(JSON.stringify(deployment?.object), /"image":"ghcr\.io\/acme\/shop:1\.0\.0"/);
});

test("a redacted value rendered as a whole scalar stays a string (a bare `****` would be a YAML alias)", () => {
  const template = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: db\ndata:\n  DB_PASSWORD: {{ .Values.db.password }}\n";
  // values.yaml arrives redacted, as every text does: `password: "****"`.
  const rendered = renderHelmChart({ dir: "charts/shop", texts: chart({ "config.yaml": template }, 'db:\n  password: "****"\n') });
  assert.deepEqual(rendered.problems, []);
  assert.deepEqual(rendered.objects[0]?.object.data, { DB_PASSWORD: "****" });
});
