import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";
import type { DoneMessage, RunMessage } from "./bulk-job-server";
import { type BulkOptions, type BulkRunResult, type UserOutcome, measureBulkDeactivation } from "./bulk-baselines";

/**
 * The wf-offboard job in the bulk-deactivation benchmark. The job engine runs in a process of its
 * own (bulk-job-server.ts: the embedded PostgreSQL, the Workfront client, the worker), started and migrated before
 * the clock starts; the clock runs from "run" to the last item's result, as for (a) and (b). Its
 * peak RSS is the server's own, without the emulator and the bench around it.
 */
const PROJECT_DIR = join(__dirname, "..", "..");

/**
 * A bench server process (bulk-job-server.ts, or another speaking the same ready/run/done
 * messages); `poolMax` is its DATABASE_POOL_MAX, unset the embedded server's default.
 */
export function startServer(script = "scripts/bench/bulk-job-server.ts", poolMax?: number): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [...(process.env.PROF ? ["--cpu-prof", "--cpu-prof-dir=/tmp/prof"] : []), "--import", "tsx", "--conditions=react-server", script], {
    cwd: PROJECT_DIR,
    env: { ...process.env, NODE_ENV: "production", LOG_LEVEL: "warn", DATABASE_URL: "", DATABASE_POOL_MAX: poolMax ? String(poolMax) : "", AUTH_SECRET: "bench".repeat(8) },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve, reject) => {
    child.once("message", (message: { type?: string }) => (message.type === "ready" ? resolve() : reject(new Error("unexpected message"))));
    void exited.then((code) => reject(new Error(`the bench server exited (${code}) before it was ready`)));
  });
  ready.catch(() => {});
  return { child, ready, exited };
}

/** `batch` (from BulkOptions): the tenant serves /batch and the job writes through it (WORKFRONT_BATCH=on). */
export interface JobBenchOptions extends BulkOptions {
  writeMode?: "bulk" | "single";
  /** Chunks in progress at once (JOBS_CONCURRENCY); default the worker's as the app sets it. */
  concurrency?: number;
  /** Database connections at most (DATABASE_POOL_MAX); default the embedded server's. */
  poolMax?: number;
  /** Everyone's open-work check first, as POST /api/jobs runs it before making the job. */
  gate?: boolean;
}

export async function benchJob(options: JobBenchOptions = {}): Promise<BulkRunResult> {
  const server = startServer(undefined, options.poolMax);
  try {
    await server.ready;
    let serverPeakRss = 0;
    let serverRssBefore = 0;
    let serverCpuMs = 0;
    let serverElapsedMs = 0;
    const result = await measureBulkDeactivation(async ({ emulator, targets }): Promise<UserOutcome[]> => {
      const done = new Promise<DoneMessage>((resolve, reject) => {
        server.child.once("message", (message) => resolve(message as DoneMessage));
        void server.exited.then((code) => reject(new Error(`the job server exited (${code}) mid-run`)));
      });
      const run: RunMessage = {
        type: "run",
        url: emulator.url,
        apiKey: emulator.apiKey,
        targets: targets.map((target) => target.ID),
        writeMode: options.writeMode ?? "bulk",
        batch: options.batch ? "on" : "off",
        concurrency: options.concurrency,
        gate: options.gate,
      };
      server.child.send(run);
      const answer = await done;
      serverPeakRss = answer.peakRssBytes;
      serverRssBefore = answer.rssBeforeRunBytes;
      serverCpuMs = answer.cpuMs;
      serverElapsedMs = answer.elapsedMs;
      const throttledLeft = (state: string, code: string | null) => state === "failed" && code === "throttled";
      return answer.items.map((item) => ({
        ID: item.targetId,
        deactivated: item.state === "succeeded",
        // The client retries throttled requests; one left unretried ends its item failed "throttled".
        throttlesSeen: throttledLeft(item.state, item.errorCode) ? 1 : 0,
        throttleLeft: throttledLeft(item.state, item.errorCode),
        error: item.state === "succeeded" ? undefined : `${item.state} ${item.errorCode ?? ""}`.trim(),
      }));
    }, options);
    // The server's own clock, from "run" to the job's finished_at (bulk-job-server.ts says why).
    const elapsedMs = serverElapsedMs;
    return { ...result, elapsedMs, perUserMs: elapsedMs / result.users, peakRssBytes: serverPeakRss, rssBeforeRunBytes: serverRssBefore, serverCpuMs };
  } finally {
    if (server.child.exitCode === null) server.child.kill("SIGTERM");
    await server.exited;
  }
}
