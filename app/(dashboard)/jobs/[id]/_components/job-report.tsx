"use client";

import { Download } from "lucide-react";
import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { buttonVariants } from "@/components/ui/button";
import type { JobDto } from "@/lib/jobs/dto";

/** For HR: the file the list came from, and the job's results as a CSV in the reader's language. */
export function JobReport({ job }: { job: Pick<JobDto, "id" | "sourceName"> }) {
  const t = useTranslations("reports.jobResults");
  const locale = useLocale();
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      {job.sourceName ? <p>{t("source", { name: job.sourceName })}</p> : null}
      <a href={`/api/jobs/${job.id}/results?locale=${locale}`} download className={buttonVariants({ variant: "outline", size: "sm" })}>
        <Download aria-hidden className="size-4" />
        {t("download")}
      </a>
      <Link href={`/audit?job=${job.id}`} className="underline underline-offset-4 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
        {t("audit")}
      </Link>
    </div>
  );
}
