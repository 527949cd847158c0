import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { notify } from "@/components/ui/sonner";
import { isFinalJob } from "@/lib/client/jobs-api";
import { takeStartedJob } from "@/lib/client/started-jobs";
import { userKeys } from "@/lib/client/users-api";
import type { JobDto } from "@/lib/jobs/dto";
import { useJobWords } from "../../_components/job-words";

/**
 * A toast when the job ends while watched here, or when this tab started it (it may have ended
 * before its page loaded), but not when an old finished job is opened. The users lists are then
 * marked stale, since people changed state.
 */
export function useJobEndToast(job: JobDto) {
  const t = useTranslations("jobs");
  const { summary } = useJobWords();
  const queryClient = useQueryClient();
  const previous = useRef(job.status);
  useEffect(() => {
    const was = previous.current;
    previous.current = job.status;
    if (!isFinalJob(job.status)) return;
    const startedHere = takeStartedJob(job.id);
    if (isFinalJob(was) && !startedHere) return;
    void queryClient.invalidateQueries({ queryKey: userKeys.all });
    const message = t("ended", { status: job.status, summary: summary(job) });
    if (job.counts.failed > 0 || job.counts.refused > 0) notify.error(message);
    else notify.success(message);
  }, [job, queryClient, t, summary]);
}
