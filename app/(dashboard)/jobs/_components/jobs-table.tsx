"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { JOBS_PAGE_SIZE, jobsListQuery } from "@/lib/client/jobs-api";
import { useSignInOnUnauthenticated } from "@/lib/client/sign-in-redirect";
import type { JobListDto } from "@/lib/jobs/dto";
import { JobStatusBadge } from "./job-status-badge";
import { useJobWords } from "./job-words";
import { JobsPagination } from "./jobs-pagination";

/**
 * The jobs list, newest first. The server renders the first answer; while any listed job is still
 * going, the list refreshes itself so progress shows without a reload.
 */
export function JobsTable({ page, initial }: { page: number; initial: JobListDto }) {
  const t = useTranslations("jobs.list");
  const words = useJobWords();
  const list = useQuery({ ...jobsListQuery(page), initialData: initial });
  useSignInOnUnauthenticated(list.error);
  const { jobs, total } = list.data;
  return (
    <div className="space-y-3">
      <Table aria-label={t("table")}>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">{t("columns.job")}</TableHead>
            <TableHead scope="col">{t("columns.status")}</TableHead>
            <TableHead scope="col">{t("columns.progress")}</TableHead>
            <TableHead scope="col">{t("columns.startedBy")}</TableHead>
            <TableHead scope="col">{t("columns.reason")}</TableHead>
            <TableHead scope="col">{t("columns.created")}</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {jobs.length === 0 ? (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={6} className="h-24 text-center text-muted-foreground">
                {t("empty")}
              </TableCell>
            </TableRow>
          ) : (
            jobs.map((job) => (
              <TableRow key={job.id}>
                <th scope="row" className="px-3 py-2 text-left align-middle font-medium">
                  <Link href={`/jobs/${job.id}`} className="underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                    {words.title(job)}
                  </Link>
                </th>
                <TableCell>
                  <JobStatusBadge status={job.status} />
                </TableCell>
                <TableCell className="min-w-48">{words.summary(job)}</TableCell>
                <TableCell className="break-all">
                  {job.createdBy.email}
                  {job.createdBy.tokenId ? <div className="text-xs text-muted-foreground">{t("viaToken")}</div> : null}
                </TableCell>
                <TableCell className="max-w-72 truncate" title={job.reason}>
                  {job.reason}
                </TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={job.createdAt} title={words.fullWhen(job.createdAt)}>
                    {words.when(job.createdAt)}
                  </time>
                </TableCell>
              </TableRow>
            ))
          )}
        </TableBody>
      </Table>
      <JobsPagination page={page} pageSize={JOBS_PAGE_SIZE} total={total} />
    </div>
  );
}
