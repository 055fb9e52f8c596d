import { execFileSync, spawnSync } from "node:child_process";
import { userInfo } from "node:os";

/** The user a PostgreSQL process runs as, when that is not the current one. */
export interface RunAs {
  uid: number;
  gid: number;
}

function idOf(flag: "-u" | "-g"): number | undefined {
  const found = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  return found.status === 0 ? Number.parseInt(found.stdout, 10) : undefined;
}

/**
 * PostgreSQL refuses to run as root, so root runs it as the `postgres` system user, created (no home, no
 * login shell) when the machine has none. Any other user runs it as itself: undefined.
 */
export function resolvePostgresUser(): RunAs | undefined {
  if (userInfo().uid !== 0) return undefined;
  if (idOf("-u") === undefined) {
    execFileSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"]);
  }
  const uid = idOf("-u");
  const gid = idOf("-g");
  if (uid === undefined || gid === undefined) throw new Error("Could not create the postgres system user to run PostgreSQL as");
  return { uid, gid };
}

/**
 * Whether `runAs` may enter the directory (or run the file) at `target`: asked of the kernel as that user,
 * since every directory above it counts, and ACLs or groups too.
 */
export function canReachAs(runAs: RunAs, target: string): boolean {
  return spawnSync("test", ["-x", target], { uid: runAs.uid, gid: runAs.gid }).status === 0;
}
