// Next.js calls register() once when the web process starts: Dozen's tracer provider, whose spans (Next's own,
// one per request, named by route) feed the request-duration metric and, with OTEL_EXPORTER_OTLP_ENDPOINT set,
// are exported over OTLP/HTTP. NEXT_RUNTIME is inlined by Next's compiler, not configuration: the edge runtime
// (unused here) has no Node APIs to trace with.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // The same refusal as scripts/web.ts, for a build started any other way (`next start`, web/server.js).
  const { env } = await import("@/lib/env");
  const { refuseExposedWithoutSignIn } = await import("@/lib/ops/refuse-exposed-without-sign-in");
  const config = env();
  const exposed = refuseExposedWithoutSignIn({ host: config.HOST, signIn: Boolean(config.DOZEN_OIDC_ISSUER) });
  if (exposed) {
    console.error(exposed);
    process.exit(1);
  }
  const { startTracing } = await import("@/lib/telemetry/start-tracing");
  const { observeHttpSpans } = await import("@/lib/telemetry/observe-http-spans");
  startTracing({ process: "web", processors: [observeHttpSpans()] });
}
