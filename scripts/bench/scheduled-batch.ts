import type { ScheduleDoneMessage, ScheduleRunMessage } from "./scheduled-batch-server";
import {
  BULK_IN_FLIGHT_CAP,
  BULK_LATENCY_MS,
  BULK_PER_OBJECT_COST_MS,
  BULK_PER_ROW_COST_MS,
  type BulkRunResult,
  type UserOutcome,
  measureBulkDeactivation,
} from "./bulk-baselines";
import { JOB_USERS } from "./bulk-deactivation";
import { benchJob, startServer } from "./bulk-job";
import type { BenchReport, BenchRow, Benchmark } from "./registry";
import { round } from "./stats";

/**
 * Issue 17's acceptance: 1,000 people due in the same minute finish within the bulk job's bound.
 * Side by side in one run, each on a fresh emulator (100 ms latency, cap 10, the cost model on):
 * the schedules run as a batch (the app's schedule loop), the bulk job on as many people (whose
 * bound is the goal: 1.25 × the least time the cap allows for the job's own requests, as in the
 * bulk-deactivation benchmark), and the path every due schedule took before the batch, one by one,
 * on fewer people.
 */
const SCHEDULED_USERS = JOB_USERS;
const ONE_BY_ONE_USERS = 100;
/** The bulk job's goal (bulk-deactivation.ts): within 1.25 × the cap's bound for its requests. */
const JOB_BOUND_FACTOR = 1.25;
/** The schedules are made this far ahead of their due time (by the database's clock). */
const LEAD_MS = 3_000;

interface ScheduleResult extends BulkRunResult {
  serverCpuMs: number;
}

export async function benchSchedules(mode: ScheduleRunMessage["mode"], users: number): Promise<ScheduleResult> {
  const server = startServer("scripts/bench/scheduled-batch-server.ts");
  try {
    await server.ready;
    let answer: ScheduleDoneMessage | undefined;
    const result = await measureBulkDeactivation(async ({ emulator, targets }): Promise<UserOutcome[]> => {
      const done = new Promise<ScheduleDoneMessage>((resolve, reject) => {
        server.child.on("message", (message: { type?: string }) => {
          if (message.type === "done") resolve(message as ScheduleDoneMessage);
        });
        void server.exited.then((code) => reject(new Error(`the schedule server exited (${code}) mid-run`)));
      });
      const run: ScheduleRunMessage = { type: "run", mode, url: emulator.url, apiKey: emulator.apiKey, targets: targets.map((t) => t.ID), leadMs: LEAD_MS };
      server.child.send(run);
      answer = await done;
      return answer.items.map((item) => ({
        ID: item.targetId,
        deactivated: item.state === "done",
        throttlesSeen: 0,
        throttleLeft: item.state === "failed" && item.errorCode === "throttled",
        error: item.state === "done" ? undefined : `${item.state} ${item.errorCode ?? ""}`.trim(),
      }));
    }, { users });
    // From the due time to the last schedule's end, on the database's clock (not the callback's wall time, which holds the lead).
    const elapsedMs = answer!.elapsedMs;
    return { ...result, elapsedMs, perUserMs: elapsedMs / users, peakRssBytes: answer!.peakRssBytes, serverCpuMs: answer!.cpuMs };
  } finally {
    if (server.child.exitCode === null) server.child.kill("SIGTERM");
    await server.exited;
  }
}

const seconds = (ms: number) => round(ms / 1000, 2);
const MiB = 1024 * 1024;

export async function runScheduledBatch(): Promise<BenchReport> {
  console.log(`  running ${SCHEDULED_USERS} schedules due at one instant, as a batch…`);
  const batch = await benchSchedules("batch", SCHEDULED_USERS);
  console.log(`  running the bulk job on ${JOB_USERS} people with its open-work check, as POST /api/jobs runs it (its bound)…`);
  const job = await benchJob({ users: JOB_USERS, gate: true });
  console.log(`  running the bulk job alone on ${JOB_USERS} people, as bulk-deactivation measures it…`);
  const jobAlone = await benchJob({ users: JOB_USERS });
  console.log(`  running ${ONE_BY_ONE_USERS} schedules one by one (the path before the batch)…`);
  const single = await benchSchedules("one-by-one", ONE_BY_ONE_USERS);

  const jobBoundMs = JOB_BOUND_FACTOR * job.capBoundMs;
  const aloneBoundMs = JOB_BOUND_FACTOR * jobAlone.capBoundMs;
  const rows: BenchRow[] = [
    { metric: `batch: ${SCHEDULED_USERS} schedules, due time → all deactivated`, value: seconds(batch.elapsedMs), unit: "s" },
    { metric: `batch: over the bulk job's bound for ${JOB_USERS} people (${JOB_BOUND_FACTOR} × the cap's bound for its check and job)`, value: round(batch.elapsedMs / jobBoundMs, 2), unit: "×", goal: { op: "<=", value: 1 } },
    { metric: `batch: over the bound of the job alone (${JOB_BOUND_FACTOR} × the cap's bound for the job's requests without the check)`, value: round(batch.elapsedMs / aloneBoundMs, 2), unit: "×" },
    { metric: "batch: over the bulk job's elapsed in this run (check and job)", value: round(batch.elapsedMs / job.elapsedMs, 2), unit: "×" },
    { metric: "batch: over the cap's bound for its own requests", value: round(batch.elapsedMs / batch.capBoundMs, 2), unit: "×", goal: { op: "<=", value: JOB_BOUND_FACTOR } },
    { metric: "batch: requests", value: batch.requests, unit: "requests" },
    { metric: "batch: schedules not done", value: batch.failed, unit: "schedules", goal: { op: "<=", value: 0 } },
    { metric: `bulk job with its check: ${JOB_USERS} people, elapsed`, value: seconds(job.elapsedMs), unit: "s" },
    { metric: `bulk job with its check: its bound (${JOB_BOUND_FACTOR} × the cap's bound for its requests)`, value: seconds(jobBoundMs), unit: "s" },
    { metric: `bulk job alone: ${JOB_USERS} people, elapsed`, value: seconds(jobAlone.elapsedMs), unit: "s" },
    { metric: `one by one: ${ONE_BY_ONE_USERS} schedules, due time → all deactivated`, value: seconds(single.elapsedMs), unit: "s" },
    { metric: "batch: per-person speed-up over one by one", value: round(single.perUserMs / batch.perUserMs, 1), unit: "×" },
  ];
  const line = (label: string, r: BulkRunResult & { serverCpuMs?: number }) => [
    label,
    String(r.users),
    `${seconds(r.elapsedMs)} s`,
    `${round(r.perUserMs, 1)} ms`,
    String(r.requests),
    `${seconds(r.capBoundMs)} s`,
    `${round(r.elapsedMs / r.capBoundMs, 2)} ×`,
    `${round(r.elapsedMs / jobBoundMs, 2)} ×`,
    String(r.failed),
    r.serverCpuMs === undefined ? "—" : `${seconds(r.serverCpuMs)} s`,
    `${round(r.peakRssBytes / MiB, 0)} MiB`,
  ];
  return {
    rows,
    tables: [
      {
        caption: "Side by side (one run):",
        columns: ["method", "people", "elapsed", "per person", "requests", "cap's bound", "over its cap's bound", "over the bulk job's bound", "not done", "server CPU", "peak RSS"],
        rows: [
          line("scheduled, due together, run as a batch", batch),
          line("bulk job with its open-work check, as POST /api/jobs runs it (its bound is the goal)", job),
          line("bulk job alone (as bulk-deactivation measures it)", jobAlone),
          line("scheduled, one by one (the path before the batch)", single),
        ],
      },
    ],
    notes: [
      `Each method gets a fresh emulator (${BULK_LATENCY_MS} ms latency, jitter 0, in-flight cap ${BULK_IN_FLIGHT_CAP}, seed 1, 2,500 users; ` +
        `cost model on: ${BULK_PER_OBJECT_COST_MS} ms per person written, ${BULK_PER_ROW_COST_MS} ms per row read) and a server process of its own with a scratch embedded PostgreSQL; ` +
        "the targets are the first active non-admin users in ID order. \"Cap's bound\" is the least time the cap allows for the requests a method sent " +
        `((requests × ${BULK_LATENCY_MS} ms + written × ${BULK_PER_OBJECT_COST_MS} ms + read × ${BULK_PER_ROW_COST_MS} ms) / ${BULK_IN_FLIGHT_CAP}); ` +
        `the bulk job's bound is ${JOB_BOUND_FACTOR} × the cap's bound of the bulk job's own run on ${JOB_USERS} people in this run (its goal in bulk-deactivation). ` +
        "The bulk job runs twice: as POST /api/jobs runs a deactivation (everyone's open-work check with the batched reports, an admin's override, then the job), which is the work a batch of schedules does too, and the job alone as bulk-deactivation measures it (no check).",
      `Schedules: made by an admin ${LEAD_MS / 1000} s before one due instant (policy "deactivate anyway"), the app's schedule loop already running with the job worker's defaults ` +
        "(chunks of 50, as many at once as the cap, bulk edits). Elapsed runs from the due time to the last schedule's end, both the database's clock; it includes " +
        "the loop waking at the due time, the claim, one batched impact check, a search by IDs per 100 people, per chunk a bulk edit, a read-back count per 100 people, every audit row, event and notification. " +
        "The bulk job's elapsed runs from the server's receipt of the run (the check, then the job's creation) to the job's end; it reads nobody back after the write.",
      `One by one: the path every due schedule took before the batch, rebuilt in scripts/bench/scheduled-batch-server.ts from the same pieces (claims of 50; per schedule ` +
        "changeUserStatus — person lock, a read, the protections, the impact gate, the audit rows, one PUT — then a getUser read-back; 4 schedules at a time), " +
        `on ${ONE_BY_ONE_USERS} people: it is too slow for 1,000 (per person it would take about as long).`,
      "The machine is shared and loaded: compare the ratios in one run, not the absolute seconds across runs.",
      ...[batch, single]
        .filter((r) => r.errors.length > 0)
        .map((r) => `${r === batch ? "batch" : "one by one"}: not done: ${r.errors.join("; ")}`),
    ],
  };
}

export const scheduledBatchBenchmark: Benchmark = {
  id: "scheduled-batch",
  title: "Scheduled deactivation: 1,000 people due in the same minute",
  description:
    `${SCHEDULED_USERS} people scheduled for one instant against an emulator at 100 ms latency with 10 requests in flight at most and the cost model on (issue 17): ` +
    `the time from the due time until all are deactivated (read back), side by side with the bulk job on ${JOB_USERS} people (with and without its open-work check) and the one-by-one path on ${ONE_BY_ONE_USERS}. ` +
    `Goal: within the bulk job's bound (${JOB_BOUND_FACTOR} × the cap's bound for the requests of the job and its open-work check).`,
  run: () => runScheduledBatch(),
};
