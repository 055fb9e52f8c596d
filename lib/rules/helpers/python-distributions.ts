/**
 * What a Python distribution (the name pip and Poetry install) is imported as, and the commands it puts on
 * the PATH that load it without an import. Knowledge as data: a distribution whose import name is not its own
 * name (lower-cased, `-` and `.` as `_`) is a line here.
 */
const KNOWN: { dist: RegExp; modules: string[]; commands?: string[] }[] = [
  { dist: /^opentelemetry-/, modules: ["opentelemetry"], commands: ["opentelemetry-instrument"] },
  { dist: /^opencensus(-|$)/, modules: ["opencensus"] },
  { dist: /^ddtrace$/, modules: ["ddtrace"], commands: ["ddtrace-run"] },
  { dist: /^newrelic$/, modules: ["newrelic"], commands: ["newrelic-admin"] },
  { dist: /^elastic-apm$/, modules: ["elasticapm"] },
  { dist: /^instana$/, modules: ["instana"], commands: ["AUTOWRAPT_BOOTSTRAP=instana"] },
  { dist: /^prometheus[-_]client$/, modules: ["prometheus_client"] },
  { dist: /^pyjwt$/, modules: ["jwt"] },
  { dist: /^python-jose$/, modules: ["jose"] },
  { dist: /^python-json-logger$/, modules: ["pythonjsonlogger"] },
  { dist: /^djangorestframework$/, modules: ["rest_framework"] },
  { dist: /^djangorestframework-simplejwt$/, modules: ["rest_framework_simplejwt"] },
  { dist: /^grpcio$/, modules: ["grpc"] },
  { dist: /^grpcio-health-checking$/, modules: ["grpc_health"] },
  { dist: /^protobuf$/, modules: ["google.protobuf"] },
  { dist: /^pyyaml$/, modules: ["yaml"] },
  { dist: /^google-cloud-/, modules: ["google.cloud"] },
  { dist: /^sentry-sdk$/, modules: ["sentry_sdk"] },
];

/** The modules a distribution is imported as, and the commands that load it (`ddtrace-run`, `opentelemetry-instrument`). */
export function pythonDistribution(dist: string): { modules: string[]; commands: string[] } {
  const name = dist.toLowerCase();
  const known = KNOWN.find((k) => k.dist.test(name));
  return {
    modules: known?.modules ?? [name.replace(/[-.]/g, "_")],
    commands: known?.commands ?? [name],
  };
}
