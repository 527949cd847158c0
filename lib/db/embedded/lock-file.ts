import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** What PostgreSQL writes to `postmaster.pid` in its data directory while it runs. */
export interface PostmasterLock {
  pid: number;
  port: number;
  /** The directory holding its Unix socket (empty when it listens on TCP only). */
  socketDir: string;
  /** `ready`, `starting`, `stopping` or `standby` (PostgreSQL 10 and later). */
  status: string;
}

/**
 * Reads the lock file PostgreSQL keeps in a running cluster's data directory
 * (src/include/utils/pidfile.h: line 1 PID, 4 port, 5 socket directory, 8 status).
 * Undefined when there is none, i.e. no server runs there or it stopped cleanly.
 */
export async function readPostmasterLock(dataDir: string): Promise<PostmasterLock | undefined> {
  let text: string;
  try {
    text = await readFile(join(dataDir, "postmaster.pid"), "utf8");
  } catch {
    return undefined;
  }
  const lines = text.split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  return { pid, port, socketDir: (lines[4] ?? "").trim(), status: (lines[7] ?? "").trim() };
}

/** Whether a process with this PID exists (EPERM: it does, but belongs to another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
