import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { DryRunDto, JobDetailDto, JobDto, JobListDto } from "@/lib/jobs/dto";
import { FINAL_JOB_STATUSES, type JobKind, type JobStatus } from "@/lib/jobs/vocabulary";
import { fetchJson, postJson } from "./fetch-json";
import { type JobItemsSearch, toJobItemsApiParams } from "./job-search";
import { rememberStartedJob } from "./started-jobs";
import { shouldRetry } from "./users-api";

/** The browser's side of /api/jobs: keys, polling queries, and the job's actions. */
export const jobKeys = {
  all: ["jobs"] as const,
  lists: () => [...jobKeys.all, "list"] as const,
  list: (page: number) => [...jobKeys.lists(), page] as const,
  details: () => [...jobKeys.all, "detail"] as const,
  detailsOf: (id: string) => [...jobKeys.details(), id] as const,
  detail: (id: string, search: JobItemsSearch) => [...jobKeys.detailsOf(id), search] as const,
};

export function isFinalJob(status: JobStatus): boolean {
  return (FINAL_JOB_STATUSES as readonly JobStatus[]).includes(status);
}

/** A running job is polled once a second; a finished one never changes, so polling stops. */
const POLL_MS = 1_000;

export function jobQuery(id: string, search: JobItemsSearch) {
  return queryOptions({
    queryKey: jobKeys.detail(id, search),
    queryFn: ({ signal }) => fetchJson<JobDetailDto>(`/api/jobs/${encodeURIComponent(id)}?${toJobItemsApiParams(search)}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data && isFinalJob(query.state.data.job.status) ? false : POLL_MS),
    retry: shouldRetry,
  });
}

export const JOBS_PAGE_SIZE = 25;

export function jobsListQuery(page: number) {
  return queryOptions({
    queryKey: jobKeys.list(page),
    queryFn: ({ signal }) => fetchJson<JobListDto>(`/api/jobs?${new URLSearchParams({ page: String(page), pageSize: String(JOBS_PAGE_SIZE) })}`, { signal }),
    placeholderData: keepPreviousData,
    refetchInterval: (query) => (query.state.data?.jobs.some((job: JobDto) => !isFinalJob(job.status)) ? POLL_MS * 2 : false),
    retry: shouldRetry,
  });
}

export interface JobRequest {
  kind: JobKind;
  userIds: string[];
  reason: string;
  ticket?: string;
  confirmCount?: number;
  /** The imported file's name, kept on the job. */
  sourceName?: string;
  includeAdmins?: boolean;
  /** An admin lets people with blocking open work in, with why (deactivations only). */
  overrideOpenWork?: { reason: string };
}

/** An empty ticket and an absent count are left out: the API reads absent as "none". */
function jobBody(request: JobRequest) {
  const { ticket, confirmCount, sourceName, includeAdmins, ...rest } = request;
  return {
    ...rest,
    ...(ticket ? { ticket } : {}),
    ...(confirmCount !== undefined ? { confirmCount } : {}),
    ...(sourceName ? { sourceName } : {}),
    ...(includeAdmins ? { includeAdmins: true } : {}),
  };
}

/** Remembered as started here, so its page can announce its end even if it ends before loading. */
function started(detail: JobDetailDto): JobDetailDto {
  rememberStartedJob(detail.job.id);
  return detail;
}

export async function createJob(request: JobRequest): Promise<JobDetailDto> {
  return started(await postJson<JobDetailDto>("/api/jobs", jobBody(request)));
}

/**
 * What a run would do, changing nothing. The API validates the reason even here though it stores
 * nothing, so a dry run asked before a reason is typed sends a fixed one.
 */
export function dryRunJob(request: Omit<JobRequest, "reason"> & { reason?: string }): Promise<DryRunDto> {
  const reason = request.reason && request.reason.trim().length >= 3 ? request.reason : "Dry run: nothing is changed";
  return postJson<DryRunDto>("/api/jobs", { ...jobBody({ ...request, reason }), dryRun: true });
}

export type JobAction = "cancel" | "retry" | "resume";

export function postJobAction(id: string, action: JobAction): Promise<JobDetailDto> {
  return postJson<JobDetailDto>(`/api/jobs/${encodeURIComponent(id)}/${action}`, {});
}

export async function undoJob(id: string, body: { reason: string; ticket?: string; confirmCount?: number }): Promise<JobDetailDto> {
  const { ticket, confirmCount, reason } = body;
  return started(
    await postJson<JobDetailDto>(`/api/jobs/${encodeURIComponent(id)}/undo`, {
      reason,
      ...(ticket ? { ticket } : {}),
      ...(confirmCount !== undefined ? { confirmCount } : {}),
    }),
  );
}
