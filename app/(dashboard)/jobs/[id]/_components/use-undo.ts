import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { notify } from "@/components/ui/sonner";
import { fetchJson } from "@/lib/client/fetch-json";
import { dryRunJob, jobKeys, undoJob } from "@/lib/client/jobs-api";
import type { Person } from "@/lib/client/people";
import type { StatusChangeInput } from "@/lib/client/users-api";
import type { JobDetailDto } from "@/lib/jobs/dto";

/** The most people the undo dialog names; a bigger job is named in part and counted in full. */
const NAMED = 200;

/**
 * Undo: reactivate the people this job deactivated. Opening the dialog first reads who they are
 * (the job's succeeded items); confirming creates the reactivation job and moves to it.
 */
export function useUndo(id: string) {
  const [people, setPeople] = useState<Person[] | null>(null);
  // Once opened, the dialog stays mounted (closed) so that closing it can hand focus back.
  const [mounted, setMounted] = useState(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const t = useTranslations("jobs.actions");
  const queryClient = useQueryClient();
  const router = useRouter();

  async function open() {
    setLoading(true);
    setError(null);
    try {
      const detail = await fetchJson<JobDetailDto>(`/api/jobs/${encodeURIComponent(id)}?state=succeeded&pageSize=${NAMED}`);
      setMounted(true);
      setPeople(
        detail.items.rows.map((item) => ({ id: item.targetId, name: item.targetName ?? item.targetEmail ?? item.targetId, email: item.targetEmail })),
      );
    } catch (caught) {
      setError(caught);
    } finally {
      setLoading(false);
    }
  }

  async function confirm(input: StatusChangeInput) {
    const { job } = await undoJob(id, { reason: input.reason, ticket: input.ticket, confirmCount: input.confirmCount });
    notify.success(t("undoStarted"));
    void queryClient.invalidateQueries({ queryKey: jobKeys.all });
    setPeople(null);
    router.push(`/jobs/${job.id}`);
  }

  return { people, mounted, loading, error, open, close: () => setPeople(null), confirm };
}

/** A dry run of the undo, possible when every person is named. */
export function undoDryRun(people: Person[], total: number) {
  if (people.length < total) return undefined;
  return () => dryRunJob({ kind: "reactivate", userIds: people.map((person) => person.id) });
}
