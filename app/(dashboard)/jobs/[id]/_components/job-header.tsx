"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useClientNow } from "@/lib/client/use-client-now";
import type { JobDto } from "@/lib/jobs/dto";
import { JobStatusBadge } from "../../_components/job-status-badge";
import { useJobWords } from "../../_components/job-words";

/** A moment as "3 minutes ago" / "vor 3 Minuten", with the exact date and time beside it. */
function Moment({ iso }: { iso: string }) {
  const format = useFormatter();
  const now = useClientNow(30_000);
  const words = useJobWords();
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={words.fullWhen(iso)}>
      {words.when(iso)} <span className="text-muted-foreground">({format.relativeTime(date, now)})</span>
    </time>
  );
}

/** What the job is, who started it, why, and where it stands in words. */
export function JobHeader({ job }: { job: JobDto }) {
  const t = useTranslations("jobs");
  const words = useJobWords();
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-semibold tracking-tight">{words.title(job)}</h1>
        <JobStatusBadge status={job.status} />
      </div>
      <p className="text-sm text-muted-foreground">{t(`statusDescription.${job.status}`)}</p>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm sm:max-w-2xl">
        <dt className="text-muted-foreground">{t("header.startedBy")}</dt>
        <dd className="break-all">
          {job.createdBy.email}
          {job.createdBy.tokenId ? <span className="text-muted-foreground"> {t("header.viaToken")}</span> : null}
        </dd>
        <dt className="text-muted-foreground">{t("header.reason")}</dt>
        <dd>{job.reason}</dd>
        {job.ticket ? (
          <>
            <dt className="text-muted-foreground">{t("header.ticket")}</dt>
            <dd>{job.ticket}</dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">{t("header.created")}</dt>
        <dd>
          <Moment iso={job.createdAt} />
        </dd>
        {job.startedAt ? (
          <>
            <dt className="text-muted-foreground">{t("header.started")}</dt>
            <dd>
              <Moment iso={job.startedAt} />
            </dd>
          </>
        ) : null}
        {job.finishedAt ? (
          <>
            <dt className="text-muted-foreground">{t("header.finished")}</dt>
            <dd>
              <Moment iso={job.finishedAt} />
            </dd>
          </>
        ) : null}
        {job.undoOf ? (
          <>
            <dt className="text-muted-foreground">{t("header.undoes")}</dt>
            <dd>
              <Link href={`/jobs/${job.undoOf}`} className="underline underline-offset-4">
                {t("header.undoesLink")}
              </Link>
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
