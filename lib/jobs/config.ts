import "server-only";
import { type Env, env, parseEnv } from "@/lib/env";

/** The job engine's settings: the BULK_* and JOBS_* variables of lib/env.ts. */
export type JobsEnv = Pick<
  Env,
  | "BULK_CONFIRM_THRESHOLD"
  | "BULK_HARD_CAP"
  | "JOBS_WORKER"
  | "JOBS_CONCURRENCY"
  | "WORKFRONT_MAX_IN_FLIGHT"
  | "JOBS_CHUNK_SIZE"
  | "JOBS_LEASE_MS"
  | "JOBS_MAX_ATTEMPTS"
  | "JOBS_POLL_MS"
  | "JOBS_AUTH_PROBE_MS"
  | "JOBS_RETRY_BASE_MS"
  | "JOBS_RETRY_CAP_MS"
  | "JOBS_WRITE_MODE"
  | "WORKFRONT_BATCH"
>;

export const parseJobsEnv = (source: Record<string, string | undefined>): JobsEnv => parseEnv(source);
export const jobsEnv = (): JobsEnv => env();

/** The confirmation rules of a bulk run, as the API checks them and the confirm dialog shows them. */
export interface BulkRules {
  confirmThreshold: number;
  hardCap: number;
}

export function bulkRules(env: Pick<JobsEnv, "BULK_CONFIRM_THRESHOLD" | "BULK_HARD_CAP"> = jobsEnv()): BulkRules {
  return { confirmThreshold: env.BULK_CONFIRM_THRESHOLD, hardCap: env.BULK_HARD_CAP };
}

/** The worker's options from the settings (owner and deps come from the caller). */
export function workerSettings(env: JobsEnv = jobsEnv()) {
  return {
    // One request in flight per chunk at a time: as many chunks as the cap allows requests. Twice
    // as many measured no faster on PostgreSQL (bench bulk-deactivation, (e)) and would queue the
    // dashboard's own requests behind the job's in the client's limiter.
    concurrency: env.JOBS_CONCURRENCY ?? env.WORKFRONT_MAX_IN_FLIGHT,
    chunkSize: env.JOBS_CHUNK_SIZE,
    leaseMs: env.JOBS_LEASE_MS,
    maxAttempts: env.JOBS_MAX_ATTEMPTS,
    pollMs: env.JOBS_POLL_MS,
    probeMs: env.JOBS_AUTH_PROBE_MS,
    retryBaseMs: env.JOBS_RETRY_BASE_MS,
    retryCapMs: env.JOBS_RETRY_CAP_MS,
    writeMode: env.JOBS_WRITE_MODE,
    batch: env.WORKFRONT_BATCH,
  };
}
