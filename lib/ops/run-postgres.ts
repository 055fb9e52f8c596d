import { spawn } from "node:child_process";
import type { RunAs } from "@/lib/ops/resolve-postgres-user";

/** A running `postgres` server process. */
export interface PostgresProcess {
  /** Fast shutdown (SIGINT: active sessions are ended, then a clean checkpoint); resolves once it exited. */
  stop(): Promise<void>;
}

const READY = "database system is ready to accept connections";

/**
 * Starts `postgres -D dataDir` with `settings` as `-c name=value` flags and resolves once it accepts
 * connections. Messages are forced to English (LC_MESSAGES=C) because readiness is read from them. Rejects
 * with the server's last words if it exits first or is not ready within `timeoutMs`.
 */
export function runPostgres(opts: {
  postgres: string;
  dataDir: string;
  settings: Record<string, string>;
  runAs?: RunAs;
  onLog?: (line: string) => void;
  timeoutMs?: number;
}): Promise<PostgresProcess> {
  const args = ["-D", opts.dataDir, ...Object.entries(opts.settings).flatMap(([name, value]) => ["-c", `${name}=${value}`])];
  const child = spawn(opts.postgres, args, {
    ...opts.runAs,
    env: { ...process.env, LC_MESSAGES: "C" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGINT");
    await exited;
  };
  return new Promise((resolve, reject) => {
    const recent: string[] = [];
    const onLine = (chunk: Buffer) => {
      for (const line of chunk.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        opts.onLog?.(line.trim());
        recent.push(line.trim());
        if (recent.length > 5) recent.shift();
        if (line.includes(READY)) {
          clearTimeout(timer);
          resolve({ stop });
        }
      }
    };
    child.stdout.on("data", onLine);
    child.stderr.on("data", onLine);
    child.once("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`postgres exited (${signal ?? `code ${code}`}) before it was ready: ${recent.join(" | ")}`));
    });
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`postgres was not ready within ${opts.timeoutMs ?? 60_000} ms: ${recent.join(" | ")}`));
    }, opts.timeoutMs ?? 60_000);
  });
}
