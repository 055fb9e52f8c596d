import { chown, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { EMBEDDED_USER } from "@/lib/db/embedded-database-url";
import { newEmbeddedPassword, writeEmbeddedPassword } from "@/lib/ops/init-embedded-cluster";
import { runPostgres } from "@/lib/ops/run-postgres";
import type { RunAs } from "@/lib/ops/resolve-postgres-user";

/**
 * Gives a cluster made before passwords were random (no password file) a random one. The server is started
 * once with no TCP listener, its socket in a fresh private directory and an access list trusting only that
 * socket, so only this process (and root) can log in while the password is changed.
 */
export async function resetEmbeddedPassword(opts: {
  postgres: string;
  dataDir: string;
  port: number;
  runAs?: RunAs;
  onLog?: (line: string) => void;
}): Promise<void> {
  const socketDir = await mkdtemp(path.join(tmpdir(), "dozen-pg-"));
  try {
    const hbaFile = path.join(socketDir, "pg_hba.conf");
    await writeFile(hbaFile, "local all all trust\n", { mode: 0o600 });
    if (opts.runAs) {
      await chown(socketDir, opts.runAs.uid, opts.runAs.gid);
      await chown(hbaFile, opts.runAs.uid, opts.runAs.gid);
    }
    const server = await runPostgres({
      postgres: opts.postgres,
      dataDir: opts.dataDir,
      runAs: opts.runAs,
      onLog: opts.onLog,
      settings: { listen_addresses: "", unix_socket_directories: socketDir, hba_file: hbaFile, port: String(opts.port) },
    });
    try {
      const password = newEmbeddedPassword();
      const client = new pg.Client({ host: socketDir, port: opts.port, user: EMBEDDED_USER, database: "postgres" });
      await client.connect();
      try {
        await client.query(`alter role ${client.escapeIdentifier(EMBEDDED_USER)} password ${client.escapeLiteral(password)}`);
      } finally {
        await client.end();
      }
      await writeEmbeddedPassword({ dataDir: opts.dataDir, password, runAs: opts.runAs });
    } finally {
      await server.stop();
    }
  } finally {
    await rm(socketDir, { recursive: true, force: true });
  }
}
