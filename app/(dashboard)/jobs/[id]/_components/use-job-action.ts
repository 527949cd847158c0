import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { notify } from "@/components/ui/sonner";
import { type JobAction, jobKeys, postJobAction } from "@/lib/client/jobs-api";
import { goToSignIn, isUnauthenticated } from "@/lib/client/sign-in-redirect";
import type { JobStatus } from "@/lib/jobs/vocabulary";

/**
 * Cancel, Retry failed and Resume: one request each, then the job is read again at once.
 * `status` is the job's as shown: resuming a job paused for its disabled creator takes it on.
 */
export function useJobAction(id: string, status: JobStatus) {
  const t = useTranslations("jobs.actions");
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: JobAction) => postJobAction(id, action),
    onSuccess: (_detail, action) => {
      notify.success(action === "resume" && status === "paused_creator" ? t("resume.doneTakenOver") : t(`${action}.done`));
      void queryClient.invalidateQueries({ queryKey: jobKeys.detailsOf(id) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
    onError: (error) => {
      if (isUnauthenticated(error)) goToSignIn();
    },
  });
}
