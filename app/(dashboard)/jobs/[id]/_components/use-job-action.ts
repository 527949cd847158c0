import { useMutation, useQueryClient } from "@tanstack/react-query";
import { notify } from "@/components/ui/sonner";
import { type JobAction, jobKeys, postJobAction } from "@/lib/client/jobs-api";
import { goToSignIn, isUnauthenticated } from "@/lib/client/sign-in-redirect";

const doneMessages: Record<JobAction, string> = {
  cancel: "Cancel requested: no new people start; the ones in flight finish.",
  retry: "The failed people are queued again.",
  resume: "Workfront accepts the credential again: the job continues.",
};

/** Cancel, Retry failed and Resume: one request each, then the job is read again at once. */
export function useJobAction(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: JobAction) => postJobAction(id, action),
    onSuccess: (_detail, action) => {
      notify.success(doneMessages[action]);
      void queryClient.invalidateQueries({ queryKey: jobKeys.detailsOf(id) });
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
    },
    onError: (error) => {
      if (isUnauthenticated(error)) goToSignIn();
    },
  });
}
