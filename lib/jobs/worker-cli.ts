/**
 * A job worker as a process of its own: `tsx --conditions=react-server lib/jobs/worker-cli.ts`.
 * For running workers apart from the web server (JOBS_WORKER=false there), and for the tests that
 * kill a worker mid-job. Same settings as the app (lib/env.ts and JOBS_*). Prints one JSON line
 * `{"ready":true,"owner":…}` once polling; SIGTERM/SIGINT stop it after the chunks in progress.
 */
import { reconcileGraceMs, startAuditReconciler } from "@/lib/audit";
import { protectedIds } from "@/lib/admin/protected-people";
import { resolverFor } from "@/lib/connection";
import { createDatabase, databaseConfig, migrate } from "@/lib/db";
import { env } from "@/lib/env";
import { jobsEnv, workerSettings } from "./config";
import { startWorker } from "./worker";
import { createScheduleRunner, jobLikeOptions, startScheduleLoop } from "@/lib/schedule/worker";

async function main(): Promise<void> {
  // Its own database handle, not getDb(): that one closes itself on SIGTERM, under running chunks.
  const handle = await createDatabase(databaseConfig());
  await migrate(handle.db);
  // Its own resolver over its own handle: it follows the stored connection like the web servers.
  const resolver = resolverFor(handle.db);
  const deps = async () => ({
    db: handle.db,
    client: await resolver.client(),
    protectedUsers: [...env().PROTECTED_USERS, ...(await protectedIds(handle.db))],
  });
  const worker = startWorker({
    deps,
    owner: process.env.JOBS_WORKER_OWNER || undefined,
    ...workerSettings(jobsEnv()),
  });
  // Scheduled deactivations run beside the jobs (leases: safe with the web servers' loops too).
  const schedules = startScheduleLoop(createScheduleRunner({ deps, ...jobLikeOptions(workerSettings(jobsEnv())) }), { pollMs: jobsEnv().JOBS_POLL_MS });
  // Single actions a crash left pending: settled here too (safe beside the web servers doing so).
  const reconciler = startAuditReconciler({ deps, graceMs: reconcileGraceMs(env().WORKFRONT_DEADLINE_MS) });
  process.stdout.write(`${JSON.stringify({ ready: true, owner: worker.owner, pid: process.pid })}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.all([worker.stop(), reconciler.stop(), schedules.stop()]);
    await handle.close();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
