import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import pg from "pg";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { processExists, readPostmasterLock } from "./lock-file";
import { accountForServer } from "./run-as";
import { LockedByAnother, openEmbeddedServer, start } from "./server";

const dir = mkdtempSync(join(tmpdir(), "wfo-embedded-"));
const cluster = join(dir, "cluster");
const owners: ChildProcess[] = [];

afterEach(() => {
  for (const owner of owners.splice(0)) if (owner.exitCode === null) owner.kill("SIGKILL");
});
afterAll(async () => {
  const lock = await readPostmasterLock(cluster);
  if (lock && processExists(lock.pid)) process.kill(lock.pid, "SIGINT");
  rmSync(dir, { recursive: true, force: true });
});

/** Another process that opens the server and holds it, as the app would; resolves once it says ready. */
function startOwner(): Promise<{ child: ChildProcess; started: boolean; url: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/db/embedded/test-owner.ts", dir], { stdio: ["ignore", "pipe", "inherit"] });
  owners.push(child);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const match = /ready (true|false) (\S+)/.exec(out);
      if (match) resolve({ child, started: match[1] === "true", url: match[2]! });
    });
    child.once("exit", (code) => reject(new Error(`the owner exited (${code}) before it was ready: ${out}`)));
  });
}

async function query(url: string, text: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows;
  } finally {
    await client.end();
  }
}

async function gone(pid: number): Promise<void> {
  for (let i = 0; i < 600 && processExists(pid); i++) await new Promise((done) => setTimeout(done, 50));
}

describe("the embedded PostgreSQL server", () => {
  it("starts on an empty folder, and a second opener joins the running server instead of starting another", async () => {
    const first = await openEmbeddedServer(dir);
    expect(first.started).toBe(true);
    await query(first.url, "create table kept (note text); insert into kept values ('written before')");
    const second = await openEmbeddedServer(dir);
    expect(second).toMatchObject({ started: false, url: first.url });
    expect(await query(second.url, "select note from kept")).toEqual([{ note: "written before" }]);
    await second.stop(); // joined, so it leaves the server running
    expect(await query(first.url, "select 1 as one")).toEqual([{ one: 1 }]);
    await first.stop();
    expect(await readPostmasterLock(cluster)).toBeUndefined();
  }, 120_000);

  it("stops when the process that started it is killed with SIGKILL", async () => {
    const owner = await startOwner();
    expect(owner.started).toBe(true);
    const lock = await readPostmasterLock(cluster);
    expect(lock && processExists(lock.pid)).toBe(true);
    owner.child.kill("SIGKILL");
    await gone(lock!.pid);
    expect(processExists(lock!.pid)).toBe(false);
  }, 120_000);

  it("recovers after the owner and the server were both killed with SIGKILL (a stale lock file), keeping the data", async () => {
    const owner = await startOwner();
    const lock = (await readPostmasterLock(cluster))!;
    process.kill(lock.pid, "SIGKILL");
    owner.child.kill("SIGKILL");
    await gone(lock.pid);
    expect(await readPostmasterLock(cluster)).toMatchObject({ pid: lock.pid }); // left behind
    const again = await openEmbeddedServer(dir);
    expect(again.started).toBe(true);
    expect(await query(again.url, "select note from kept")).toEqual([{ note: "written before" }]);
    await again.stop();
  }, 120_000);

  it("a start that gets its answer from a server another process started does not claim that server", async () => {
    // The moment two processes race: both found no server, both started one, and the socket
    // already answers for the winner while the loser's postgres has yet to refuse the lock file.
    const winner = await openEmbeddedServer(dir);
    const home = dirname(winner.clusterDir);
    await expect(start(home, winner.clusterDir, accountForServer(), 60_000)).rejects.toBeInstanceOf(LockedByAnother);
    expect(await readPostmasterLock(cluster)).toMatchObject({ status: "ready" });
    expect(await query(winner.url, "select note from kept")).toEqual([{ note: "written before" }]);
    await winner.stop();
    expect(await readPostmasterLock(cluster)).toBeUndefined();
  }, 120_000);

  it("two processes opening at once end up on one server", async () => {
    const [a, b] = await Promise.all([startOwner(), startOwner()]);
    expect(a.url).toBe(b.url);
    expect([a.started, b.started].filter(Boolean)).toHaveLength(1);
    expect(await query(a.url, "select note from kept")).toEqual([{ note: "written before" }]);
  }, 120_000);
});

// As root, PostgreSQL runs as another account; a checkout it cannot reach (under a 0700 folder,
// as /root is) gets its cluster in /var/tmp, tied to the data folder by a marker.
describe.runIf(process.getuid?.() === 0)("as root, with a data folder the server's account cannot reach", () => {
  const privateParent = mkdtempSync(join(tmpdir(), "wfo-private-")); // mkdtemp makes it 0700
  const dataDir = join(privateParent, "data", "postgres");
  afterAll(() => rmSync(privateParent, { recursive: true, force: true }));

  it("keeps the cluster in /var/tmp, and starts afresh there when the data folder is deleted", async () => {
    const first = await openEmbeddedServer(dataDir);
    expect(first.clusterDir).toMatch(/^\/var\/tmp\/wf-offboard-db-[0-9a-f]{16}\/cluster$/);
    await query(first.url, "create table kept (note text)");
    await first.stop();
    const again = await openEmbeddedServer(dataDir);
    expect(again.clusterDir).toBe(first.clusterDir);
    expect(await query(again.url, "select count(*)::int as n from kept")).toEqual([{ n: 0 }]);
    await again.stop();
    rmSync(dataDir, { recursive: true, force: true });
    const afresh = await openEmbeddedServer(dataDir);
    expect(afresh.clusterDir).toBe(first.clusterDir);
    expect(await query(afresh.url, "select to_regclass('kept') as t")).toEqual([{ t: null }]);
    await afresh.stop();
    rmSync(join(first.clusterDir, ".."), { recursive: true, force: true });
  }, 120_000);
});
