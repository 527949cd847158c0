import "server-only";
import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
import { type Database, type JobItemRow, type JobRow, jobItems, jobs } from "@/lib/db";
import {
  type JobDetailDto,
  type JobDto,
  type JobItemDto,
  type JobListDto,
  emptyItemCounts,
  toCountsDto,
} from "./dto";
import type { JobListQuery, JobQuery } from "./schemas";
import { type ItemState, isItemState } from "./vocabulary";

/** The rate looks at people finished in the last minute (or since the start, if sooner). */
const RATE_WINDOW_S = 60;

interface ItemStats {
  byState: Record<ItemState, number>;
  recent: number;
}

async function itemStats(db: Database, jobIds: readonly string[]): Promise<Map<string, ItemStats>> {
  const result = new Map<string, ItemStats>();
  if (jobIds.length === 0) return result;
  const rows = await db
    .select({
      jobId: jobItems.jobId,
      state: jobItems.state,
      n: count(),
      recent: sql<number>`(count(*) filter (where ${jobItems.finishedAt} >= now() - ${RATE_WINDOW_S} * interval '1 second'))::int`,
    })
    .from(jobItems)
    .where(inArray(jobItems.jobId, [...jobIds]))
    .groupBy(jobItems.jobId, jobItems.state);
  for (const row of rows) {
    let stats = result.get(row.jobId);
    if (!stats) result.set(row.jobId, (stats = { byState: emptyItemCounts(), recent: 0 }));
    if (isItemState(row.state)) stats.byState[row.state] += row.n;
    stats.recent += Number(row.recent);
  }
  return result;
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toJobDto(job: JobRow, stats: ItemStats | undefined, now = Date.now()): JobDto {
  const counts = toCountsDto(stats?.byState ?? emptyItemCounts());
  const active = job.status === "running" || job.status === "cancelling";
  let ratePerSecond: number | null = null;
  let etaSeconds: number | null = null;
  if (active && job.startedAt && stats) {
    const elapsed = Math.max(1, (now - job.startedAt.getTime()) / 1000);
    const window = Math.min(RATE_WINDOW_S, elapsed);
    // A slow job (seconds per request, faults) may finish nobody in a whole minute: then the rate
    // since the start. Before the first chunk finishes there is no rate, rather than "0 per second".
    const rate = stats.recent > 0 ? stats.recent / window : counts.done > 0 ? counts.done / elapsed : 0;
    if (rate > 0) {
      ratePerSecond = rate >= 0.01 ? Math.round(rate * 100) / 100 : rate;
      etaSeconds = Math.ceil(counts.remaining / rate);
    }
  }
  const final = job.status === "completed" || job.status === "cancelled";
  return {
    id: job.id,
    kind: job.kind,
    status: job.status,
    createdBy: { email: job.createdByEmail, role: job.createdByRole, tokenId: job.createdByTokenId },
    reason: job.reason,
    ticket: job.ticket,
    sourceName: job.sourceName,
    undoOf: job.undoOf,
    createdAt: job.createdAt.toISOString(),
    startedAt: iso(job.startedAt),
    finishedAt: iso(job.finishedAt),
    cancelRequestedAt: iso(job.cancelRequestedAt),
    pausedAt: iso(job.pausedAt),
    lastError: job.lastErrorCode ? { code: job.lastErrorCode, message: job.lastErrorMessage ?? "" } : null,
    counts,
    progress: counts.total ? Math.round((counts.done / counts.total) * 1000) / 1000 : 0,
    ratePerSecond,
    etaSeconds,
    actions: {
      cancel: !final && job.cancelRequestedAt === null,
      retry: counts.failed > 0 && job.status !== "cancelling",
      undo: job.kind === "deactivate" && final && counts.succeeded > 0,
      resume: job.status === "paused_auth" || job.status === "paused_creator",
    },
  };
}

export function toJobItemDto(item: JobItemRow): JobItemDto {
  return {
    id: item.id,
    position: item.position,
    targetId: item.targetId,
    targetName: item.targetName,
    targetEmail: item.targetEmail,
    state: item.state,
    attempts: item.attempts,
    errorCode: item.errorCode,
    errorMessage: item.errorMessage,
    finishedAt: iso(item.finishedAt),
    auditEventId: item.auditEventId,
  };
}

export async function findJob(db: Database, id: string): Promise<JobRow | undefined> {
  const [job] = await db.select().from(jobs).where(eq(jobs.id, id));
  return job;
}

export async function getJobDto(db: Database, id: string): Promise<JobDto | undefined> {
  const job = await findJob(db, id);
  if (!job) return undefined;
  return toJobDto(job, (await itemStats(db, [id])).get(id));
}

/** The job with its counts, rate and ETA, and one page of its people (filtered by state). */
export async function getJobDetail(db: Database, id: string, query: JobQuery): Promise<JobDetailDto | undefined> {
  const job = await findJob(db, id);
  if (!job) return undefined;
  const state = query.state ?? null;
  const where = and(
    eq(jobItems.jobId, id),
    state === "remaining"
      ? inArray(jobItems.state, ["pending", "running"])
      : state
        ? eq(jobItems.state, state)
        : undefined,
  );
  const [stats, rows, [counted]] = await Promise.all([
    itemStats(db, [id]),
    db
      .select()
      .from(jobItems)
      .where(where)
      .orderBy(asc(jobItems.position))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(jobItems).where(where),
  ]);
  return {
    job: toJobDto(job, stats.get(id)),
    items: { rows: rows.map(toJobItemDto), total: counted?.total ?? 0, page: query.page, pageSize: query.pageSize, state },
  };
}

/** Newest first. */
export async function listJobs(db: Database, query: JobListQuery): Promise<JobListDto> {
  const where = query.status ? eq(jobs.status, query.status) : undefined;
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(jobs)
      .where(where)
      .orderBy(desc(jobs.createdAt), desc(jobs.id))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    db.select({ total: count() }).from(jobs).where(where),
  ]);
  const stats = await itemStats(db, rows.map((row) => row.id));
  return {
    jobs: rows.map((row) => toJobDto(row, stats.get(row.id))),
    total: counted?.total ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
