import Link from "next/link";
import { jobStatusDescriptions } from "@/lib/jobs/vocabulary";
import type { JobDto } from "@/lib/jobs/dto";
import { JobStatusBadge } from "../../_components/job-status-badge";
import { formatWhen, jobTitle } from "../../_components/job-words";

/** What the job is, who started it, why, and where it stands in words. */
export function JobHeader({ job }: { job: JobDto }) {
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{jobTitle(job)}</h1>
        <JobStatusBadge status={job.status} />
      </div>
      <p className="text-sm text-muted-foreground">{jobStatusDescriptions[job.status]}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:max-w-2xl">
        <dt className="text-muted-foreground">Started by</dt>
        <dd className="break-all">{job.createdBy.email}</dd>
        <dt className="text-muted-foreground">Reason</dt>
        <dd>{job.reason}</dd>
        {job.ticket ? (
          <>
            <dt className="text-muted-foreground">Ticket</dt>
            <dd>{job.ticket}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Created</dt>
        <dd>
          <time dateTime={job.createdAt}>{formatWhen(job.createdAt)}</time>
        </dd>
        {job.undoOf ? (
          <>
            <dt className="text-muted-foreground">Undoes</dt>
            <dd>
              <Link href={`/jobs/${job.undoOf}`} className="underline underline-offset-4">
                the job it reverses
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
