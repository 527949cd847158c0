/**
 * The server side of the job benchmark, in a process of its own (as the app's server would be):
 * `node --import tsx --conditions=react-server scripts/bench/bulk-job-server.ts`, spawned by
 * bulk-job.ts with an IPC channel. It opens a scratch embedded PostgreSQL and migrates it, says "ready",
 * then on "run" creates one job for the given people and runs the job worker until the job ends,
 * and answers with every item's result and its own peak RSS.
 */
import { eq } from "drizzle-orm";
import { jobItems, jobs } from "@/lib/db";
import { openScratchDatabase } from "./scratch-database";
import { insertJob } from "@/lib/jobs/create-job";
import { gateJob } from "@/lib/jobs/open-work-gate";
import { jobStatus, waitFor } from "@/lib/jobs/wait";
import { parseJobsEnv, workerSettings } from "@/lib/jobs/config";
import { startWorker } from "@/lib/jobs/worker";
import { createWorkfrontClient } from "@/lib/workfront";

export interface RunMessage {
  type: "run";
  url: string;
  apiKey: string;
  targets: string[];
  writeMode: "bulk" | "single";
  batch: "off" | "on";
  concurrency?: number;
  /** Check everyone's open work first, as POST /api/jobs does before it makes the job (an admin's override: nobody is refused). */
  gate?: boolean;
}

export interface DoneMessage {
  type: "done";
  items: { targetId: string; state: string; errorCode: string | null }[];
  /** Requests the client's limiter held at once, at most. */
  peakInFlight: number;
  /** Resident memory once the database was open and migrated, just before the run. */
  rssBeforeRunBytes: number;
  /** The process's peak (getrusage maxRSS); PostgreSQL's own processes are not in it. */
  peakRssBytes: number;
  /** CPU time (user + system) the server spent from "run" to the job's end. */
  cpuMs: number;
  /** From "run" to the job's finished_at (the database's clock, this machine's): the run's time. */
  elapsedMs: number;
}

function send(message: object): void {
  process.send?.(message);
}

async function main(): Promise<void> {
  // DATABASE_POOL_MAX as the app reads it: unset, the embedded server's own default.
  const poolMax = Number(process.env.DATABASE_POOL_MAX) || undefined;
  const handle = await openScratchDatabase({ poolMax });
  send({ type: "ready" });
  const run = await new Promise<RunMessage>((resolve) => process.once("message", (m) => resolve(m as RunMessage)));
  const startedAt = Date.now();
  const rssBeforeRunBytes = process.memoryUsage.rss();
  const cpuBefore = process.cpuUsage();
  // The client as the app configures it by default: 10 in flight, the usual retries and timeouts.
  const client = createWorkfrontClient({ url: run.url, credential: { kind: "apiKey", apiKey: run.apiKey } });
  const override = "Benchmark: deactivate anyway";
  const gate = run.gate ? await gateJob(client, run.targets, new Map(), { reason: override }) : null;
  const jobId = await insertJob(handle.db, {
    kind: "deactivate",
    targets: run.targets.map((id) => ({ id, openWork: gate?.evidence.get(id) ?? null })),
    openWorkOverride: gate ? override : null,
    reason: "Benchmark: contracts ended",
    ticket: null,
    actor: { accountId: null, email: "bench@example.com", role: "admin", requestId: "bench", clientIp: null },
  });
  const worker = startWorker({
    deps: { db: handle.db, client, protectedUsers: [] },
    writeMode: run.writeMode,
    batch: run.batch,
    concurrency: run.concurrency ?? workerSettings(parseJobsEnv({})).concurrency,
    pollMs: 50,
    logger: { info: () => {}, warn: () => {}, error: (object, message) => console.error(message, object) },
  });
  // The job's own finished_at times the run, so this wait can poll rarely: a poll every 20 ms was
  // 300 queries on the worker's one database thread during a 6 s run.
  await waitFor("the job to end", async () => ["completed", "cancelled"].includes((await jobStatus(handle.db, jobId)) ?? ""), {
    timeoutMs: 600_000,
    everyMs: 250,
  });
  const [finished] = await handle.db.select({ at: jobs.finishedAt }).from(jobs).where(eq(jobs.id, jobId));
  await worker.stop();
  const cpu = process.cpuUsage(cpuBefore);
  const items = await handle.db
    .select({ targetId: jobItems.targetId, state: jobItems.state, errorCode: jobItems.errorCode })
    .from(jobItems)
    .where(eq(jobItems.jobId, jobId));
  const done: DoneMessage = {
    type: "done",
    items,
    peakInFlight: client.limiterStats().peak,
    rssBeforeRunBytes,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
    cpuMs: (cpu.user + cpu.system) / 1000,
    elapsedMs: finished!.at!.getTime() - startedAt,
  };
  send(done);
  await handle.close();
  process.disconnect?.();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
