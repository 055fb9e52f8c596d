import { pino, type Logger } from "pino";
import { env } from "@/lib/env";

/**
 * JSON lines on stdout (twelve-factor XI): the process never routes or stores its logs; the platform does.
 * `process` tells web, worker and admin lines apart when they share a terminal.
 */
export function createLogger(opts: { process: string }): Logger {
  return pino({
    level: env().LOG_LEVEL,
    base: { process: opts.process, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Defence in depth: a credential that reaches a log call by accident is never written.
    redact: { paths: ["password", "token", "*.password", "*.token", "databaseUrl", "*.databaseUrl"], censor: "[redacted]" },
  });
}
