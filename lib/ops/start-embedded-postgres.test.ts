import { test, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, lchown, mkdir, mkdtemp, readdir, rm, stat, symlink, readFile } from "node:fs/promises";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import pg from "pg";
import { ROOT } from "@/lib/ops/bin-path";
import { childEnv } from "@/lib/env";
import { embeddedDataDirs, readEmbeddedPassword, PASSWORD_FILE } from "@/lib/db/embedded-data-dir";
import { embeddedDatabaseUrl } from "@/lib/db/embedded-database-url";
import { initEmbeddedCluster } from "@/lib/ops/init-embedded-cluster";
import { locatePostgresBinaries } from "@/lib/ops/locate-postgres-binaries";
import { resolvePostgresUser } from "@/lib/ops/resolve-postgres-user";
import { startEmbeddedPostgres } from "@/lib/ops/start-embedded-postgres";

// `npm run db` (the embedded PostgreSQL of `npm start`) from a fresh clone in a 0700 directory, as a user
// would: as root, whose postgres user can reach neither the clone's node_modules nor its .dozen, and as a
// normal user. node_modules is the repository's, linked package by package, except the PostgreSQL binaries,
// which are copied into the clone so that reaching them is part of what is tested.
const isRoot = userInfo().uid === 0;
const cleanup: (() => Promise<void>)[] = [];
after(async () => {
  for (const step of cleanup.reverse()) await step().catch(() => undefined);
});

interface Person {
  name: string;
  uid: number;
  gid: number;
}

function normalUser(): Person {
  if (!isRoot) return { name: userInfo().username, uid: userInfo().uid, gid: userInfo().gid };
  const name = `dozen-t${process.pid}`;
  execFileSync("useradd", ["--no-create-home", "--shell", "/usr/sbin/nologin", name]);
  cleanup.push(async () => void execFileSync("userdel", [name]));
  const id = (flag: string) => Number(execFileSync("id", [flag, name], { encoding: "utf8" }));
  return { name, uid: id("-u"), gid: id("-g") };
}

async function chownTree(dir: string, who: Person): Promise<void> {
  await lchown(dir, who.uid, who.gid);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await chownTree(full, who);
    else await lchown(full, who.uid, who.gid);
  }
}

/** A clone of this repository in a fresh 0700 directory owned by `who`, with node_modules as above. */
async function privateClone(who: Person): Promise<string> {
  const home = await mkdtemp(path.join(tmpdir(), "dozen-clone-"));
  cleanup.push(() => rm(home, { recursive: true, force: true }));
  const clone = path.join(home, "dozen");
  execFileSync("git", ["clone", "--quiet", "--shared", ROOT, clone]);
  await mkdir(path.join(clone, "node_modules"));
  for (const entry of await readdir(path.join(ROOT, "node_modules"))) {
    if (entry === "@embedded-postgres") continue;
    await symlink(path.join(ROOT, "node_modules", entry), path.join(clone, "node_modules", entry));
  }
  await cp(path.join(ROOT, "node_modules", "@embedded-postgres"), path.join(clone, "node_modules", "@embedded-postgres"), {
    recursive: true,
    verbatimSymlinks: true,
  });
  await chownTree(home, who);
  assert.equal((await stat(home)).mode & 0o777, 0o700);
  return clone;
}

interface Started {
  dataDir: string;
  log: string;
  stop(): Promise<number | null>;
}

/** `npm run db` in `clone` as `who` (node straight away, as npm would run it), once the server is up. */
async function runDb(clone: string, who: Person, port: number): Promise<Started> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/db.ts"], {
    cwd: clone,
    uid: who.uid,
    gid: who.gid,
    env: childEnv({ DATABASE_URL: "", DOZEN_DATA_DIR: "", DOZEN_EMBEDDED_PG_PORT: String(port), LOG_LEVEL: "info", HOME: clone }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  cleanup.push(async () => void child.kill("SIGKILL"));
  let log = "";
  const dataDir = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npm run db did not start within 60 s:\n${log}`)), 60_000);
    const read = (d: Buffer) => {
      log += d.toString();
      const line = log.split("\n").find((l) => l.includes("embedded PostgreSQL running"));
      if (line) {
        clearTimeout(timer);
        resolve((JSON.parse(line) as { dataDir: string }).dataDir);
      }
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    void exited.then((code) => reject(new Error(`npm run db exited with ${code}:\n${log}`)));
  });
  return {
    dataDir,
    log,
    stop: async () => {
      child.kill("SIGTERM");
      return exited;
    },
  };
}

async function login(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ user: string }>("select current_user as user")).rows[0]!.user;
  } finally {
    await client.end();
  }
}

const passwords: string[] = [];

async function assertStartsFromPrivateClone(who: Person, port: number): Promise<void> {
  const clone = await privateClone(who);
  const asked = path.join(clone, ".dozen", "pg");
  const started = await runDb(clone, who, port);
  try {
    const runsAsPostgresUser = who.uid === 0;
    if (runsAsPostgresUser) {
      // The postgres user cannot enter the clone: the data moved to a directory it can reach, and the log says where.
      const { shared } = embeddedDataDirs({ dataDir: asked });
      cleanup.push(() => rm(path.dirname(shared), { recursive: true, force: true }));
      assert.equal(started.dataDir, shared);
      assert.match(started.log, new RegExp(`cannot enter ${clone}/\\.dozen: the data lives in ${shared} instead`));
      assert.match(started.log, /PostgreSQL runs from \/var\/lib\/dozen\/postgresql-/);
    } else {
      assert.equal(started.dataDir, asked);
    }
    const file = await stat(path.join(started.dataDir, PASSWORD_FILE));
    assert.equal(file.mode & 0o777, 0o600, "the password file is readable by its owner only");
    assert.equal(file.uid, runsAsPostgresUser ? resolvePostgresUser()!.uid : who.uid);
    // What a process without DATABASE_URL (npm run web, the CLI) reads to log in.
    const password = readEmbeddedPassword({ dataDir: asked });
    assert.ok(password && password.length >= 40, "a long random password");
    passwords.push(password);
    assert.equal(await login(embeddedDatabaseUrl({ port, password })), "postgres");
    for (const wrong of ["dozen-embedded", `${password}x`]) {
      await assert.rejects(login(embeddedDatabaseUrl({ port, password: wrong })), /password authentication failed/);
    }
  } finally {
    assert.equal(await started.stop(), 0);
  }
}

const base = 57000 + (process.pid % 900);

test("as root, npm run db starts from a clone in a 0700 directory; the data moves where postgres can reach it", async () => {
  // Not root: the current user is a normal user, and runs PostgreSQL as itself from the clone.
  const who = isRoot ? { name: "root", uid: 0, gid: 0 } : normalUser();
  await assertStartsFromPrivateClone(who, base);
});

test("as a normal user, npm run db starts from a clone in its own 0700 directory, data inside it", async () => {
  await assertStartsFromPrivateClone(normalUser(), base + 1);
});

test("every data directory gets its own password", () => {
  assert.equal(passwords.length, 2);
  assert.notEqual(passwords[0], passwords[1]);
});

test("a data directory made without a password file gets a random one on its next start", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "dozen-legacy-"));
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  const runAs = resolvePostgresUser();
  if (runAs) execFileSync("chown", [`${runAs.uid}:${runAs.gid}`, dir]);
  const dataDir = path.join(dir, "pg");
  const binaries = await locatePostgresBinaries({ runAs });
  await initEmbeddedCluster({ initdb: binaries.initdb, dataDir, runAs });
  const before = await readFile(path.join(dataDir, PASSWORD_FILE), "utf8");
  await rm(path.join(dataDir, PASSWORD_FILE));
  const pgServer = await startEmbeddedPostgres({ dataDir, port: base + 2, database: "postgres" });
  try {
    const after = readEmbeddedPassword({ dataDir });
    assert.ok(after && existsSync(path.join(dataDir, PASSWORD_FILE)));
    assert.notEqual(after, before.trim());
    assert.equal(await login(pgServer.adminUrl), "postgres");
    await assert.rejects(login(embeddedDatabaseUrl({ port: base + 2, password: before.trim(), database: "postgres" })), /password/);
  } finally {
    await pgServer.stop();
  }
});
