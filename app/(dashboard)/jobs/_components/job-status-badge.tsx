import { Badge } from "@/components/ui/badge";
import { type JobStatus, jobStatusLabels } from "@/lib/jobs/vocabulary";
import { jobStatusVariants } from "./job-words";

export function JobStatusBadge({ status }: { status: JobStatus }) {
  return <Badge variant={jobStatusVariants[status]}>{jobStatusLabels[status]}</Badge>;
}
