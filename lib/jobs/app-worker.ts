import "server-only";
import { type AuditReconciler, reconcileGraceMs, startAuditReconciler } from "@/lib/audit";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getDb } from "@/lib/db";
import { type Notifier, configuredChannels, notifyConfig, startNotifier } from "@/lib/notify";
import { appDeps } from "@/lib/offboarding/deps";
import { jobsEnv, workerSettings } from "./config";
import { type JobWorker, startWorker } from "./worker";
import { upcomingLeavers } from "@/lib/schedule/store";
import { type ScheduleLoop, createScheduleRunner, jobLikeOptions, startScheduleLoop } from "@/lib/schedule/worker";

/**
 * The worker inside the server process, started once from instrumentation.ts. Kept on globalThis
 * so route handlers in any bundle (and a hot reload) find the same one to wake.
 */
const key = Symbol.for("wf-offboard.jobs.worker");
type Holder = { worker?: JobWorker; starting?: Promise<JobWorker | null>; reconciler?: AuditReconciler; notifier?: Notifier; schedules?: ScheduleLoop };
const holder: Holder = ((globalThis as { [key]?: Holder })[key] ??= {});

export function startAppWorker(): Promise<JobWorker | null> {
  holder.starting ??= start().catch((error: unknown) => {
    holder.starting = undefined;
    logger.error({ err: error }, "the job worker did not start");
    return null;
  });
  return holder.starting;
}

async function start(): Promise<JobWorker | null> {
  // Settles single actions a crash left pending, at start and every 5 minutes. Whatever JOBS_WORKER
  // says: it is cheap (one query when nothing is stale) and safe with several instances at once.
  holder.reconciler ??= startAuditReconciler({ deps: appDeps, graceMs: reconcileGraceMs(env().WORKFRONT_DEADLINE_MS) });
  // Sends the outbox's notifications (lib/notify), whatever JOBS_WORKER says: the outbox is
  // written by whoever ends a job, and its leases make it safe in every instance at once.
  const notify = notifyConfig();
  if (!holder.notifier && configuredChannels(notify).length > 0) {
    const db = await getDb();
    // The daily digest lists who is scheduled to go in the next 7 days.
    holder.notifier = startNotifier({ db, config: notify, upcomingLeavers: (window) => upcomingLeavers(db, window) });
  }
  const settings = jobsEnv();
  if (!settings.JOBS_WORKER) {
    logger.info("JOBS_WORKER is off: bulk jobs run only where a worker process runs");
    return null;
  }
  // Started whether or not Workfront is connected: without a credential its jobs pause as
  // paused_auth, and resume by themselves once an admin connects (deps are resolved per chunk).
  const worker = workerSettings(settings);
  holder.worker = startWorker({ deps: appDeps, ...worker });
  // Scheduled deactivations (lib/schedule) run where the jobs run: due ones are claimed with
  // leases, so every instance may run this loop and each schedule still runs once; those due
  // together run as a batch with the job worker's chunks, concurrency and write path.
  holder.schedules = startScheduleLoop(createScheduleRunner({ deps: appDeps, ...jobLikeOptions(worker) }), { pollMs: settings.JOBS_POLL_MS });
  return holder.worker;
}

/** Looks for work now: a job was just created, retried or resumed. A no-op without a worker. */
export function wakeAppWorker(): void {
  holder.worker?.wake();
}

/** Looks for due schedules now (one was just made for the next seconds). A no-op without a worker. */
export function wakeScheduleRunner(): void {
  holder.schedules?.wake();
}

export function appWorker(): JobWorker | undefined {
  return holder.worker;
}
