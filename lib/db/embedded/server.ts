import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync } from "node:fs";
import { chown, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import pg from "pg";
import { postgresBinaries } from "./binaries";
import { processExists, readPostmasterLock } from "./lock-file";
import { accountForServer, prepareHome, type RunAs } from "./run-as";

/**
 * A real PostgreSQL server for the embedded default, its files in the app's data folder.
 *
 * - **Attach or start.** If a server already runs on the folder (another process of the app, the
 *   demo, an account script), this connects to it: PostgreSQL's own lock file (`postmaster.pid`)
 *   says where. Otherwise it starts one. PostgreSQL itself refuses a second server on one folder
 *   and recovers a stale lock after a crash, so two processes can never both write the files.
 * - **Dies with its owner.** The server is started under a small shell that watches a pipe from
 *   this process: when the pipe closes (this process exited, crashed or was killed with -9), the
 *   shell asks PostgreSQL for a fast shutdown. Nothing is left running behind a stopped demo.
 * - **No TCP, no password.** It listens on a Unix socket inside its own folder (mode 0700), so only
 *   this user (and root) can reach it.
 */
export interface EmbeddedServer {
  /** A node-postgres connection string for the socket. */
  url: string;
  /** Whether this process started the server (and stops it) or found it running. */
  started: boolean;
  /** Where the cluster's files are: `cluster/` in the data folder (or see prepareHome). */
  clusterDir: string;
  /** Stops the server if this process started it; otherwise does nothing. */
  stop(): Promise<void>;
}

export interface EmbeddedServerOptions {
  /** How long to wait for a server to accept connections; default 60 s (first start runs initdb). */
  readyTimeoutMs?: number;
}

const PORT = 5432; // Only names the socket file: nothing listens on TCP.
const DATABASE = "postgres";
const SUPERUSER = "postgres";
// The socket's path must fit sockaddr_un (107 bytes on Linux) with "/.s.PGSQL.5432" after it.
const MAX_SOCKET_DIR = 90;

/**
 * Small settings for one small app: the defaults reserve memory for 100 connections and 128 MB of
 * shared buffers, and start processes a single embedded server has no use for (PostgreSQL 18's
 * three I/O workers, the logical replication launcher, WAL senders). Durability settings (fsync,
 * synchronous_commit, full_page_writes) stay at their defaults; `wal_level=minimal` still recovers
 * after a crash, it only cannot feed a replica.
 */
const SERVER_SETTINGS = [
  "listen_addresses=",
  "max_connections=40",
  "shared_buffers=16MB",
  "work_mem=4MB",
  "maintenance_work_mem=32MB",
  "max_wal_size=256MB",
  "huge_pages=off",
  "dynamic_shared_memory_type=posix",
  "logging_collector=off",
  "io_method=sync",
  "wal_level=minimal",
  "max_wal_senders=0",
  "max_logical_replication_workers=0",
];

const WATCHER = [
  // $@ is the postgres command line. Stdin is the owner's pipe: EOF means the owner is gone.
  // (sh gives a background list /dev/null as its stdin unless it is redirected explicitly: fd 3.)
  // Stdout is a second pipe that carries only the postgres PID, then closes: start() compares it
  // with the PID in the lock file to know whether the server that answers is the one it started.
  "exec 3<&0",
  '"$@" </dev/null >&2 3<&- & pg=$!',
  'echo "$pg"',
  "exec 1>&2",
  '{ cat <&3 >/dev/null; kill -INT "$pg" 2>/dev/null; } & watcher=$!',
  "exec 3<&-",
  'wait "$pg"; code=$?',
  'kill "$watcher" 2>/dev/null',
  'exit "$code"',
].join("\n");

export async function openEmbeddedServer(dataDir: string, options: EmbeddedServerOptions = {}): Promise<EmbeddedServer> {
  const timeoutMs = options.readyTimeoutMs ?? 60_000;
  const account = accountForServer();
  const home = await prepareHome(resolve(dataDir), account);
  const clusterDir = join(home, "cluster");
  const giveUpAt = Date.now() + timeoutMs;
  for (;;) {
    const running = await attach(clusterDir, timeoutMs);
    if (running) return running;
    try {
      return await start(home, clusterDir, account, timeoutMs);
    } catch (error) {
      // Another process is starting a server on this folder (its lock file exists, or is still
      // empty): join it once it is up. Or a server killed with -9 left its backends behind for a
      // moment (each ends when it sees its postmaster gone); until the last one has, PostgreSQL
      // refuses to start on the folder.
      if ((error instanceof LockedByAnother || error instanceof OldServerStillExiting) && Date.now() < giveUpAt) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        continue;
      }
      throw error;
    }
  }
}

async function attach(clusterDir: string, timeoutMs: number): Promise<EmbeddedServer | undefined> {
  const lock = await readPostmasterLock(clusterDir);
  if (!lock || !processExists(lock.pid) || !lock.socketDir) return undefined;
  const url = socketUrl(lock.socketDir, lock.port);
  await waitUntilReady(url, timeoutMs, () => (processExists(lock.pid) ? undefined : "the server on this folder stopped"));
  return { url, started: false, clusterDir, stop: async () => {} };
}

export class LockedByAnother extends Error {}
class OldServerStillExiting extends Error {}

/** Starts a server on the folder, never attaching; exported for server.test.ts. */
export async function start(home: string, clusterDir: string, account: RunAs | undefined, timeoutMs: number): Promise<EmbeddedServer> {
  const binaries = await postgresBinaries();
  const ids = account ? { uid: account.uid, gid: account.gid } : {};
  if (!existsSync(join(clusterDir, "PG_VERSION"))) await initialiseOnce(home, () => initdb(binaries.initdb, clusterDir, ids));
  const socketDir = clusterDir.length <= MAX_SOCKET_DIR ? clusterDir : await shortSocketDir(clusterDir, account);
  const logPath = join(home, "server.log");
  const log = openSync(logPath, "a");
  let child: ChildProcess;
  try {
    child = spawn(
      "sh",
      ["-c", WATCHER, "postgres", binaries.postgres, "-D", clusterDir, "-k", socketDir, "-p", String(PORT), ...SERVER_SETTINGS.flatMap((s) => ["-c", s])],
      { ...ids, stdio: ["pipe", "pipe", log], env: { ...process.env, LC_MESSAGES: "C" } },
    );
  } finally {
    closeSync(log);
  }
  const postgresPid = firstLineAsPid(child.stdout!);
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  // The pipe and the child must not keep a script alive; when this process ends, the pipe closes
  // and the watcher stops the server.
  child.unref();
  (child.stdin as unknown as { unref?: () => void } | null)?.unref?.();

  const url = socketUrl(socketDir, PORT);
  try {
    await waitUntilReady(url, timeoutMs, () => (exitCode === undefined ? undefined : `it exited with code ${exitCode}`));
  } catch (error) {
    const tail = await readFile(logPath, "utf8").then((text) => text.split("\n").slice(-15).join("\n")).catch(() => "");
    if (/lock file .* (already exists|is empty)/.test(tail) && exitCode !== undefined) throw new LockedByAnother(tail);
    child.stdin?.end();
    if (/pre-existing shared memory block .* is still in use/.test(tail) && exitCode !== undefined) throw new OldServerStillExiting(tail);
    throw new Error(`The embedded PostgreSQL in ${clusterDir} did not start: ${(error as Error).message}\n${tail}`);
  }
  // Two processes that start at once both get an answer on the one socket path, from whichever
  // server won the lock file; the loser's postgres is still on its way to refusing. Only the
  // winner may say it started the server (and stop it). A lock file it cannot read proves nothing.
  const lock = await readPostmasterLock(clusterDir);
  if (lock && lock.pid !== (await postgresPid)) {
    child.stdin?.end();
    throw new LockedByAnother(`the server on ${clusterDir} is PID ${lock.pid}, not the one this process started`);
  }
  let stopping: Promise<void> | undefined;
  return {
    url,
    started: true,
    clusterDir,
    stop: () =>
      (stopping ??= (async () => {
        child.ref(); // keep this process alive until the server has shut down
        child.stdin?.end();
        await exited;
      })()),
  };
}

/** The PID the watcher shell writes on its stdout; undefined if it exits without one. */
function firstLineAsPid(stdout: Readable): Promise<number | undefined> {
  (stdout as unknown as { unref?: () => void }).unref?.();
  return new Promise((done) => {
    let text = "";
    stdout.on("data", (chunk: Buffer) => (text += chunk.toString()));
    stdout.once("close", () => {
      const pid = Number.parseInt(text, 10);
      done(Number.isInteger(pid) && pid > 0 ? pid : undefined);
    });
  });
}

/**
 * Runs `initialise` unless another process is doing it (an exclusive lock file in `home`; one left
 * by a process that died is taken over). Whoever waited finds the cluster made and goes on.
 */
async function initialiseOnce(home: string, initialise: () => Promise<void>): Promise<void> {
  const lockPath = join(home, "initdb.lock");
  for (;;) {
    try {
      await writeFile(lockPath, String(process.pid), { flag: "wx" });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = Number(await readFile(lockPath, "utf8").catch(() => ""));
      if (Number.isInteger(holder) && holder > 0 && !processExists(holder)) await rm(lockPath, { force: true });
      else await new Promise((done) => setTimeout(done, 200));
    }
  }
  try {
    const clusterDir = join(home, "cluster");
    if (existsSync(join(clusterDir, "PG_VERSION"))) return;
    // No PG_VERSION: never initialised, or initdb was interrupted; initdb wants an empty folder.
    await rm(clusterDir, { recursive: true, force: true });
    await initialise();
  } finally {
    await rm(lockPath, { force: true });
  }
}

async function initdb(initdbPath: string, clusterDir: string, ids: { uid?: number; gid?: number }): Promise<void> {
  const args = ["-D", clusterDir, "-U", SUPERUSER, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-instructions"];
  const child = spawn(initdbPath, args, { ...ids, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_MESSAGES: "C" } });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done, fail) => {
    child.once("error", fail);
    child.once("exit", done);
  });
  if (code !== 0) throw new Error(`initdb failed for ${clusterDir} (exit ${code}):\n${output.slice(-2000)}`);
}

async function shortSocketDir(clusterDir: string, account: RunAs | undefined): Promise<string> {
  const dir = join("/tmp", `wfo-pg-${createHash("sha256").update(clusterDir).digest("hex").slice(0, 12)}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (account) await chown(dir, account.uid, account.gid);
  return dir;
}

/** `localhost` is only there to make it a valid URL (others change its path): `host=` names the socket. */
function socketUrl(socketDir: string, port: number): string {
  return `postgresql://${SUPERUSER}@localhost/${DATABASE}?host=${encodeURIComponent(socketDir)}&port=${port}`;
}

async function waitUntilReady(url: string, timeoutMs: number, gone: () => string | undefined): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = "no answer yet";
  for (;;) {
    const why = gone();
    if (why) throw new Error(why);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    try {
      await client.connect();
      await client.query("select 1");
      return;
    } catch (error) {
      last = (error as Error).message;
    } finally {
      await client.end().catch(() => {});
    }
    if (Date.now() > deadline) throw new Error(`not accepting connections after ${timeoutMs} ms (${last})`);
    await new Promise((done) => setTimeout(done, 100));
  }
}
