"use client";

import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import type { JobStatus } from "@/lib/jobs/vocabulary";
import { jobStatusVariants } from "./job-words";

export function JobStatusBadge({ status }: { status: JobStatus }) {
  const t = useTranslations("jobs.status");
  return <Badge variant={jobStatusVariants[status]}>{t(status)}</Badge>;
}
