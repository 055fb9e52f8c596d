{{/* Labels every object of the chart carries. */}}
{{- define "shop.labels" -}}
app.kubernetes.io/part-of: {{ .Chart.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{/* A shop image: include "shop.image" (dict "root" $ "name" "cart") */}}
{{- define "shop.image" -}}
{{ .root.Values.images.repository }}/{{ .name }}:{{ .root.Values.images.tag | default .root.Chart.AppVersion }}
{{- end }}

{{/* A gRPC probe on the given port. */}}
{{- define "shop.grpcProbes" -}}
readinessProbe:
  grpc:
    port: {{ . }}
  periodSeconds: 5
livenessProbe:
  grpc:
    port: {{ . }}
  initialDelaySeconds: 10
  periodSeconds: 15
{{- end }}
