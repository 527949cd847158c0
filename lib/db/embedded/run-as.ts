import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { chown, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { processExists, readPostmasterLock } from "./lock-file";

/** The account PostgreSQL runs as when we are root (it refuses to run as root). */
export interface RunAs {
  name: string;
  uid: number;
  gid: number;
}

/**
 * Undefined for an ordinary user: the server runs as them. As root: the system's `postgres` account
 * where the machine has one (Debian's PostgreSQL packages make it), else `nobody`, which every
 * Linux system has, so the demo never has to add an account to the machine.
 */
export function accountForServer(): RunAs | undefined {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) return undefined;
  const passwd = readFileSync("/etc/passwd", "utf8").split("\n");
  for (const name of ["postgres", "nobody"]) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(":");
    if (fields) return { name, uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error("Running as root, and neither a `postgres` nor a `nobody` account exists to run the embedded database as.");
}

/** Whether `account` may write in `dir` (every folder above it must let them through). */
function canWrite(account: RunAs, dir: string): boolean {
  return spawnSync("test", ["-w", dir], { uid: account.uid, gid: account.gid }).status === 0;
}

/**
 * The folder that holds the cluster and its log. Normally `dataDir` itself. As root, when the
 * server's account cannot reach `dataDir` (a checkout under /root, whose mode is 0700), the files go
 * to a folder of their own under /var/tmp named after `dataDir`, so the same checkout always finds
 * the same cluster, and nothing outside the repository needs setting up. A marker in `dataDir`
 * ties the two: a `dataDir` made anew (someone deleted it to start afresh) also starts afresh there.
 */
export async function prepareHome(dataDir: string, account: RunAs | undefined): Promise<string> {
  // Only the folder itself is private: the ones above it keep the usual mode, so that the server's
  // account can reach it when we are root.
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  if (!account) return dataDir;
  await chown(dataDir, account.uid, account.gid);
  if (canWrite(account, dataDir)) return dataDir;
  const elsewhere = join("/var/tmp", `wf-offboard-db-${createHash("sha256").update(dataDir).digest("hex").slice(0, 16)}`);
  const marker = join(dataDir, "cluster-is-elsewhere");
  if (!existsSync(marker)) {
    // dataDir is new: whatever a deleted dataDir left in /var/tmp is not this database's (unless a
    // server still runs on it, which the next step then joins).
    const lock = await readPostmasterLock(join(elsewhere, "cluster"));
    if (!lock || !processExists(lock.pid)) await rm(elsewhere, { recursive: true, force: true });
    await writeFile(marker, `${elsewhere}\n`);
  }
  await mkdir(elsewhere, { recursive: true, mode: 0o700 });
  await chown(elsewhere, account.uid, account.gid);
  return elsewhere;
}
