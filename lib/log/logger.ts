import { isSpanContextValid, trace } from "@opentelemetry/api";
import { pino, type DestinationStream, type Logger, type LoggerOptions } from "pino";
import { env } from "@/lib/env";
import { describeError } from "@/lib/errors";

/**
 * JSON lines on stdout (twelve-factor XI): the process never routes or stores its logs; the platform does.
 * `process` tells web, worker and admin lines apart when they share a terminal.
 */
export function createLogger(opts: { process: string; destination?: DestinationStream }): Logger {
  const options: LoggerOptions = {
    level: env().LOG_LEVEL,
    base: { process: opts.process, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // A line written inside a span names it, so a log search jumps to the trace and back (OpenTelemetry's
    // trace_id/span_id field names for logs).
    mixin: traceFields,
    // Defence in depth: a credential that reaches a log call by accident is never written.
    redact: { paths: ["password", "token", "*.password", "*.token", "databaseUrl", "*.databaseUrl"], censor: "[redacted]" },
    // An error is logged as what may be shown of it (lib/errors describeError) and where it was thrown, never
    // whole: its message or fields can hold a header value, an upstream body or a parser's buffer (js-yaml's
    // `mark.buffer` is the entire file it read, /proc/self/environ included).
    serializers: { err: serializeError },
  };
  // Every process writes to stdout; tests pass a destination to read the lines back.
  return opts.destination ? pino(options, opts.destination) : pino(options);
}

function traceFields(): Record<string, string> {
  const context = trace.getActiveSpan()?.spanContext();
  return context && isSpanContextValid(context) ? { trace_id: context.traceId, span_id: context.spanId } : {};
}

/** An error as a log line may hold it: its class, the safe description and its stack frames (no message). */
export function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: describeError(error) };
  const frames = (error.stack ?? "").split("\n").filter((line) => /^\s+at /.test(line));
  return {
    type: error.constructor.name,
    message: describeError(error),
    ...(frames.length ? { stack: frames.join("\n") } : {}),
  };
}
