import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { Logger } from "pino";

export interface ChildHandle {
  name: string;
  child: ChildProcess;
  /** Resolves with the exit code (signals map to 128+n) once the process is gone. */
  exited: Promise<number>;
  stop(signal?: NodeJS.Signals): void;
}

/**
 * Spawns a process and relays its output as JSON lines on our stdout: lines that already are JSON (our
 * own pino loggers) pass through untouched, anything else (Next.js banners, PostgreSQL) is wrapped, so
 * the whole stream stays machine-readable.
 */
export function runChild(opts: {
  name: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  log: Logger;
  cwd?: string;
}): ChildHandle {
  const child = spawn(opts.command, opts.args, {
    env: opts.env,
    cwd: opts.cwd,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const relay = (stream: NodeJS.ReadableStream | null, level: "info" | "warn") => {
    if (!stream) return;
    createInterface({ input: stream }).on("line", (line) => {
      if (!line.trim()) return;
      if (line.startsWith("{") && line.endsWith("}")) process.stdout.write(`${line}\n`);
      else opts.log[level]({ child: opts.name }, line);
    });
  };
  relay(child.stdout, "info");
  relay(child.stderr, "warn");
  const exited = new Promise<number>((resolve) => {
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1)));
    child.on("error", (err) => {
      opts.log.error({ child: opts.name, err }, "could not start process");
      resolve(1);
    });
  });
  return {
    name: opts.name,
    child,
    exited,
    stop: (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    },
  };
}

function signalNumber(signal: NodeJS.Signals): number {
  return ({ SIGINT: 2, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 1;
}
