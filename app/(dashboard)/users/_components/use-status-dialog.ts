import { useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useCallback, useState } from "react";
import { notify } from "@/components/ui/sonner";
import { createJob, dryRunJob, jobKeys } from "@/lib/client/jobs-api";
import { createSchedules, scheduleKeys } from "@/lib/client/schedules-api";
import type { Person } from "@/lib/client/people";
import { goToSignIn, isUnauthenticated } from "@/lib/client/sign-in-redirect";
import { type StatusAction, type StatusChangeInput, userKeys } from "@/lib/client/users-api";
import type { OverridableProtection } from "@/lib/offboarding/user-dto";
import { useStatusChange } from "./use-status-change";

interface Target {
  action: StatusAction;
  /** Everyone but a bulk deactivation's System Administrators, who are in `systemAdmins`. */
  people: Person[];
  systemAdmins: Person[];
  /** From the selection: run as a job and follow it on the job page. */
  bulk: boolean;
  /** One protected person an admin may deactivate anyway, once they confirm the override. */
  override?: OverridableProtection;
}

/**
 * What the users page's one confirm dialog is about and what confirming does: a row action
 * changes its one person directly (the row updates in place); a selection becomes a bulk job,
 * and the page moves to that job.
 */
export function useStatusDialog({ onJobStarted }: { onJobStarted: () => void }) {
  const [target, setTarget] = useState<Target | null>(null);
  // Once opened, the dialog stays mounted (closed) so that closing it can hand focus back.
  const [mounted, setMounted] = useState(false);
  const t = useTranslations("statusChange");
  const ts = useTranslations("schedule.when");
  const statusChange = useStatusChange();
  const queryClient = useQueryClient();
  const router = useRouter();

  const open = useCallback((action: StatusAction, people: Person[], bulk: boolean, override?: OverridableProtection) => {
    // A bulk deactivation names its System Administrators apart: they go only if the admin includes them.
    const apart = bulk && action === "deactivate";
    setTarget({
      action,
      people: apart ? people.filter((person) => !person.isAdmin) : people,
      systemAdmins: apart ? people.filter((person) => person.isAdmin) : [],
      bulk,
      override,
    });
    setMounted(true);
  }, []);

  async function confirm(input: StatusChangeInput) {
    if (!target) return;
    const { action, people, bulk } = target;
    try {
      if (input.schedule && action === "deactivate") {
        // "On a date": stored as scheduled deactivations (lib/schedule), followed on the Scheduled page.
        const going = input.includeAdmins ? [...people, ...target.systemAdmins] : people;
        const { day, time, policy } = input.schedule;
        await createSchedules({ people: going.map((person) => ({ userId: person.id })), when: { day, ...(time ? { time } : {}) }, policy, reason: input.reason, ticket: input.ticket });
        notify.success(ts("done", { count: going.length, name: going[0]?.name ?? "" }));
        void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
        setTarget(null);
        router.push("/scheduled");
        return;
      }
      if (bulk) {
        const { leaveOut, ...request } = input;
        const going = (input.includeAdmins ? [...people, ...target.systemAdmins] : people).filter((person) => !leaveOut?.includes(person.id));
        const { job } = await createJob({ kind: action, userIds: going.map((person) => person.id), ...request });
        notify.success(t(`${action}.jobStarted`, { count: going.length }));
        void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
        void queryClient.invalidateQueries({ queryKey: userKeys.all, refetchType: "none" });
        onJobStarted();
        setTarget(null);
        router.push(`/jobs/${job.id}`);
        return;
      }
      const [person] = people;
      if (!person) return;
      await statusChange.mutateAsync({ user: person, action, input });
      notify.success(t(`${action}.done`, { name: person.name }));
      setTarget(null);
    } catch (error) {
      if (isUnauthenticated(error)) goToSignIn();
      throw error;
    }
  }

  const dryRun = target
    ? ({ includeAdmins }: { includeAdmins: boolean }) =>
        dryRunJob({
          kind: target.action,
          userIds: (includeAdmins ? [...target.people, ...target.systemAdmins] : target.people).map((person) => person.id),
          includeAdmins,
        })
    : undefined;

  return { target, mounted, open, close: () => setTarget(null), confirm, dryRun };
}
