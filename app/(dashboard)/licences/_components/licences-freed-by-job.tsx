import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobLicencesFreed } from "@/lib/jobs/licences-freed";

type Row = Omit<JobLicencesFreed, "freed"> & { freed: { licenseType: string | null; label: string; count: number }[] };

/** What each deactivation job gave back, counted as the confirm dialog counts it beforehand. */
export async function LicencesFreedByJob({ jobs }: { jobs: Row[] }) {
  const t = await getTranslations("licences.jobs");
  const format = await getFormatter();
  if (jobs.length === 0) return <p className="text-sm text-muted-foreground">{t("empty")}</p>;
  return (
    <Table id="licences-freed">
      <TableCaption className="caption-top text-left text-base font-medium text-foreground">{t("caption")}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("started")}</TableHead>
          <TableHead scope="col">{t("by")}</TableHead>
          <TableHead scope="col">{t("source")}</TableHead>
          <TableHead scope="col">{t("freed")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {jobs.map((job) => {
          const when = format.dateTime(job.createdAt, "dateTime");
          return (
            <TableRow key={job.jobId} data-job={job.jobId}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={`/jobs/${job.jobId}`} aria-label={t("open", { when })} className="underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
                  {when}
                </Link>
              </th>
              <TableCell>{job.createdByEmail}</TableCell>
              <TableCell>{job.sourceName ?? job.ticket ?? job.reason}</TableCell>
              <TableCell data-testid="freed">
                {job.freed.length === 0
                  ? t("none")
                  : job.freed.map((entry) => `${entry.label}: ${format.number(entry.count)}`).join(", ")}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
