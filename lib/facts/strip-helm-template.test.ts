import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseManifests } from "@/lib/facts/parse-manifests";
import { stripHelmTemplate } from "@/lib/facts/strip-helm-template";

const cases: { name: string; lines: string[]; stripped: string[] }[] = [
  {
    name: "inline actions become placeholders, action-only lines become blank",
    lines: [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      '  name: {{ include "app.fullname" . }}',
      "  labels:",
      '    {{- include "app.labels" . | nindent 4 }}',
      "spec:",
      "  replicas: {{ .Values.replicaCount }}",
    ],
    stripped: [
      "apiVersion: apps/v1",
      "kind: Deployment",
      "metadata:",
      "  name: HELM_VALUE",
      "  labels:",
      "",
      "spec:",
      "  replicas: HELM_VALUE",
    ],
  },
  {
    name: "a multi-line action keeps the line count",
    lines: ["{{- /*", "comment", "*/ -}}", "kind: ConfigMap", 'image: "{{ .Values.repo }}:{{ .Values.tag }}"'],
    stripped: ["", "", "", "kind: ConfigMap", 'image: "HELM_VALUE:HELM_VALUE"'],
  },
];

describe("stripHelmTemplate", () => {
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(stripHelmTemplate({ lines: c.lines }), c.stripped));
  }

  it("the stripped template parses as a manifest with the template's line numbers", () => {
    const stripped = stripHelmTemplate({ lines: cases[0]?.lines ?? [] });
    const { objects } = parseManifests({ path: "chart/templates/deployment.yaml", text: stripped.join("\n") });
    assert.deepEqual(
      objects.map((o) => [o.kind, o.name, o.lineStart, o.lineEnd]),
      [["Deployment", "HELM_VALUE", 1, 8]],
    );
  });

  it("if/else branches that duplicate keys make the parse fail (caller skips as helm template)", () => {
    const lines = [
      "kind: Service",
      "spec:",
      "{{- if .Values.lb }}",
      "  type: LoadBalancer",
      "{{- else }}",
      "  type: ClusterIP",
      "{{- end }}",
    ];
    assert.equal(parseManifests({ path: "t.yaml", text: stripHelmTemplate({ lines }).join("\n") }).problems.length, 1);
  });
});
