import { spawn } from "node:child_process";
import { childEnv } from "@/lib/env";
import { nodeBin } from "@/lib/ops/bin-path";

/** Runs the official Prisma CLI with the current node; resolves with its exit code and combined output. */
export function runPrismaCli(opts: { args: string[]; cwd: string; env: Record<string, string> }): Promise<{ code: number; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [nodeBin("prisma/build/index.js"), ...opts.args], {
      cwd: opts.cwd,
      env: childEnv(opts.env),
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (out += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ code: code ?? 1, out }));
  });
}
