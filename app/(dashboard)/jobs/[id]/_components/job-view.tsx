"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Role } from "@/lib/auth/roles";
import { jobQuery } from "@/lib/client/jobs-api";
import type { JobItemsSearch } from "@/lib/client/job-search";
import { useSignInOnUnauthenticated } from "@/lib/client/sign-in-redirect";
import { useJobItemsSearch } from "@/lib/client/use-job-items-search";
import type { BulkRules } from "@/lib/jobs/config";
import type { JobDetailDto } from "@/lib/jobs/dto";
import { JobActions } from "./job-actions";
import { JobErrorBanner } from "./job-error-banner";
import { JobHeader } from "./job-header";
import { JobReport } from "./job-report";
import { isEqual } from "./is-equal";
import { JobItems } from "./job-items";
import { JobProgress } from "./job-progress";
import { useJobEndToast } from "./use-job-end-toast";

interface JobViewProps {
  id: string;
  role: Role;
  rules: BulkRules;
  initial: JobDetailDto;
  initialSearch: JobItemsSearch;
}

/** The job page's client side: the job polled while it runs, its actions and its results. */
export function JobView({ id, role, rules, initial, initialSearch }: JobViewProps) {
  const t = useTranslations("jobs.page");
  const [search, updateSearch] = useJobItemsSearch();
  const detail = useQuery({ ...jobQuery(id, search), initialData: isEqual(search, initialSearch) ? initial : undefined });
  useSignInOnUnauthenticated(detail.error);
  const data = detail.data ?? initial;
  const { job } = data;
  useJobEndToast(job);
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/jobs" className="text-muted-foreground underline-offset-4 hover:underline">
          {t("allJobs")}
        </Link>
      </p>
      <JobHeader job={job} />
      <JobReport job={job} />
      {detail.error ? <JobErrorBanner error={detail.error} onRetry={() => void detail.refetch()} /> : null}
      <JobProgress job={job} />
      <JobActions job={job} role={role} rules={rules} />
      <JobItems
        job={job}
        items={detail.data?.items ?? (isEqual(search, initialSearch) ? initial.items : null)}
        fetching={detail.isPlaceholderData}
        search={search}
        onSearch={updateSearch}
      />
    </div>
  );
}
