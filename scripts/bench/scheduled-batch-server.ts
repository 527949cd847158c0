/**
 * The server side of the scheduled-batch benchmark, in a process of its own as the app's server
 * would be: `node --import tsx --conditions=react-server scripts/bench/scheduled-batch-server.ts`,
 * spawned by scheduled-batch.ts with an IPC channel. It opens a scratch embedded PostgreSQL and
 * migrates it, says "ready", then on "run" schedules the given people for one instant `leadMs`
 * ahead (by the database's clock) and lets them run:
 *
 * - `batch`: the schedule loop as the app starts it (lib/jobs/app-worker.ts), already running
 *   before the schedules are made, with the job worker's default settings;
 * - `one-by-one`: the path every due schedule took before the batch (rebuilt here from the same
 *   pieces): claims of 50, each schedule through changeUserStatus (the single deactivation: person
 *   lock, a read, the protections, the impact gate, the audit rows, one PUT) and a getUser
 *   read-back, 4 schedules at a time as that runner ran them, each end written with its event.
 *
 * It answers with every schedule's end and the time from the due time to the last end (both the
 * database's clock).
 */
import { and, eq, inArray, max } from "drizzle-orm";
import { databaseNow, scheduledDeactivations } from "@/lib/db";
import { parseJobsEnv, workerSettings } from "@/lib/jobs/config";
import { waitFor } from "@/lib/jobs/wait";
import { changeUserStatus } from "@/lib/offboarding/change-status";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { type Claimed, endingFor, failureOf, finishAll } from "@/lib/schedule/endings";
import type { ScheduleActor } from "@/lib/schedule/events";
import { claimDue } from "@/lib/schedule/runner";
import { createSchedules, refOf } from "@/lib/schedule/store";
import { createScheduleRunner, jobLikeOptions, startScheduleLoop } from "@/lib/schedule/worker";
import { createWorkfrontClient } from "@/lib/workfront";
import { openScratchDatabase } from "./scratch-database";

export interface ScheduleRunMessage {
  type: "run";
  mode: "batch" | "one-by-one";
  url: string;
  apiKey: string;
  targets: string[];
  /** How far ahead of the database's now the schedules are made due. */
  leadMs: number;
}

export interface ScheduledMessage {
  type: "scheduled";
}

export interface ScheduleDoneMessage {
  type: "done";
  items: { targetId: string; state: string; errorCode: string | null }[];
  /** From the schedules' due time to the last one's end (its updated_at). */
  elapsedMs: number;
  /** CPU time (user + system) the server spent from the due time to the last end. */
  cpuMs: number;
  peakRssBytes: number;
}

const FINAL = ["done", "failed", "held"] as const;
// The schedules are an admin's, as the bulk job's is in bulk-job-server.ts: "deactivate anyway"
// then deactivates people with blocking open work too, with the override kept as evidence.
const actor: ScheduleActor = { accountId: null, email: "bench@example.com", role: "admin", requestId: "bench", clientIp: null };

function send(message: object): void {
  process.send?.(message);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));

/** The path before the batch: one schedule at a time through the single deactivation, 4 at once. */
async function runOneByOne(deps: OffboardingDeps): Promise<void> {
  const owner = "bench:one-by-one";
  for (;;) {
    const claimed = await claimDue(deps.db, owner, 50, 60_000);
    if (claimed.length === 0) return;
    const queue = [...claimed];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let row = queue.shift(); row; row = queue.shift()) await runOne(deps, owner, row);
      }),
    );
  }
}

async function runOne(deps: OffboardingDeps, owner: string, row: Claimed): Promise<void> {
  try {
    await changeUserStatus(deps, {
      action: "deactivate",
      targetId: row.targetId,
      reason: row.reason,
      ticket: row.ticket,
      actor: { id: null as unknown as string, email: row.createdByEmail, name: null, role: row.createdByRole, locale: null },
      requestId: `schedule:${row.id}`,
      clientIp: null,
      scheduleId: row.id,
      // What "deactivate anyway" by an admin means in the batch too.
      overrideOpenWork: { reason: "Scheduled with the policy “deactivate anyway”." },
    });
    const readBack = await deps.client.getUser(row.targetId);
    const readBackAt = new Date();
    await finishAll(deps.db, owner, () => 0, [
      readBack.isActive
        ? failureOf(row, { type: "failed", code: "not_applied", message: "still active" })
        : { row, ending: { type: "done" }, event: { kind: "ran", schedule: refOf(row), outcome: "succeeded", late: row.late, startedAt: row.startedAt!, readBackAt } },
    ]);
  } catch (error) {
    await finishAll(deps.db, owner, () => 0, [failureOf(row, endingFor(error))]);
  }
}

async function main(): Promise<void> {
  const handle = await openScratchDatabase();
  send({ type: "ready" });
  const run = await new Promise<ScheduleRunMessage>((resolve) => process.once("message", (m) => resolve(m as ScheduleRunMessage)));
  const { db } = handle;
  // The client as the app configures it by default: 10 in flight, the usual retries and timeouts.
  const client = createWorkfrontClient({ url: run.url, credential: { kind: "apiKey", apiKey: run.apiKey } });
  const deps: OffboardingDeps = { db, client, protectedUsers: [] };
  const settings = workerSettings(parseJobsEnv({}));
  // The app's loop is running before anyone schedules anything.
  const loop = run.mode === "batch" ? startScheduleLoop(createScheduleRunner({ deps, owner: "bench:batch", ...jobLikeOptions(settings) }), { pollMs: settings.pollMs }) : null;
  const dueAt = new Date((await databaseNow(db)).getTime() + run.leadMs);
  const rows = await createSchedules(db, {
    targets: run.targets.map((id) => ({ id, name: null, email: null })),
    dueAt,
    timeZone: "Europe/Berlin",
    policy: "deactivate_anyway",
    reason: "Benchmark: last day",
    ticket: null,
    actor,
  });
  send({ type: "scheduled" } satisfies ScheduledMessage);
  const ids = rows.map((row) => row.id);
  await sleep(dueAt.getTime() - (await databaseNow(db)).getTime());
  const cpuBefore = process.cpuUsage();
  if (run.mode === "one-by-one") await runOneByOne(deps);
  await waitFor(
    "every schedule to end",
    async () => {
      const open = await db
        .select({ id: scheduledDeactivations.id })
        .from(scheduledDeactivations)
        .where(and(inArray(scheduledDeactivations.id, ids), inArray(scheduledDeactivations.state, ["scheduled", "running", "paused_auth"])))
        .limit(1);
      return open.length === 0;
    },
    { timeoutMs: 900_000, everyMs: 250 },
  );
  const cpu = process.cpuUsage(cpuBefore);
  await loop?.stop();
  // Every end (done, failed, held) stamps updated_at with the database's clock.
  const [last] = await db
    .select({ at: max(scheduledDeactivations.updatedAt) })
    .from(scheduledDeactivations)
    .where(and(inArray(scheduledDeactivations.id, ids), inArray(scheduledDeactivations.state, [...FINAL])));
  const items = await db
    .select({ targetId: scheduledDeactivations.targetId, state: scheduledDeactivations.state, errorCode: scheduledDeactivations.lastErrorCode })
    .from(scheduledDeactivations)
    .where(eq(scheduledDeactivations.createdByEmail, actor.email));
  const end = last?.at?.getTime() ?? dueAt.getTime();
  const done: ScheduleDoneMessage = {
    type: "done",
    items,
    elapsedMs: end - dueAt.getTime(),
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
  send(done);
  await handle.close();
  process.disconnect?.();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
