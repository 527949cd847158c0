"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Suspense, lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { notify } from "@/components/ui/sonner";
import type { Role } from "@/lib/auth/roles";
import { createJob, dryRunJob, jobKeys } from "@/lib/client/jobs-api";
import { createSchedules, scheduleKeys } from "@/lib/client/schedules-api";
import type { Person } from "@/lib/client/people";
import { goToSignIn, isUnauthenticated } from "@/lib/client/sign-in-redirect";
import type { StatusChangeInput } from "@/lib/client/users-api";
import type { BulkRules } from "@/lib/jobs/config";
import type { MatchReportDto } from "@/lib/offboarding/match-leavers";

const StatusChangeDialog = lazy(() =>
  import("../../_components/status-change/status-change-dialog").then((module) => ({ default: module.StatusChangeDialog })),
);

/**
 * The run: only the lines that will be deactivated go into the job, through the one confirm dialog.
 * People whose last day (the file's last-day column) is still ahead are scheduled for the end of
 * it instead, with a second button; a past last day is deactivated now with the rest.
 */
export function RunImport({ report, role, rules, sourceName }: { report: MatchReportDto; role: Role; rules: BulkRules; sourceName?: string }) {
  const t = useTranslations("bulk.run");
  const ts = useTranslations("schedule.when");
  const [open, setOpen] = useState<"now" | "later" | null>(null);
  const [mounted, setMounted] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const now = new Set(report.userIds);
  const days = new Map(report.scheduled.map((entry) => [entry.userId, entry.day]));
  const people: Person[] = report.lines.flatMap((line) => (line.state === "will_deactivate" && line.user && now.has(line.user.id) ? [line.user] : []));
  const later: Person[] = report.lines.flatMap((line) => (line.state === "will_deactivate" && line.user && days.has(line.user.id) ? [line.user] : []));
  // Listed apart in the dialog: in the run only if the admin includes them there.
  const systemAdmins: Person[] = report.lines.flatMap((line) => (line.state === "system_admin" && line.user ? [line.user] : []));
  const count = report.userIds.length;
  const idsFor = (includeAdmins: boolean) => (includeAdmins ? [...report.userIds, ...report.adminIds] : report.userIds);

  async function confirm(input: StatusChangeInput) {
    try {
      const { leaveOut, ...request } = input;
      const userIds = idsFor(input.includeAdmins === true).filter((id) => !leaveOut?.includes(id));
      const { job } = await createJob({ kind: "deactivate", userIds, sourceName, ...request });
      notify.success(t("started", { count: userIds.length }));
      void queryClient.invalidateQueries({ queryKey: jobKeys.lists() });
      setOpen(null);
      router.push(`/jobs/${job.id}`);
    } catch (error) {
      if (isUnauthenticated(error)) goToSignIn();
      throw error;
    }
  }

  async function schedule(input: StatusChangeInput) {
    try {
      const { schedules } = await createSchedules({
        people: later.map((person) => ({ userId: person.id, day: days.get(person.id)! })),
        policy: input.schedule?.policy ?? "deactivate_anyway",
        reason: input.reason,
        ticket: input.ticket,
        sourceName,
      });
      notify.success(ts("done", { count: schedules.length, name: later[0]?.name ?? "" }));
      void queryClient.invalidateQueries({ queryKey: scheduleKeys.all });
      setOpen(null);
      router.push("/scheduled");
    } catch (error) {
      if (isUnauthenticated(error)) goToSignIn();
      throw error;
    }
  }

  if (count === 0 && systemAdmins.length === 0 && later.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("nothing")}</p>;
  }
  const show = (which: "now" | "later") => {
    setMounted(true);
    setOpen(which);
  };
  return (
    <>
      <div className="flex flex-wrap gap-2">
        {count > 0 || systemAdmins.length > 0 ? (
          <Button variant="destructive" onClick={() => show("now")}>
            {t("button", { count })}
          </Button>
        ) : null}
        {later.length > 0 ? (
          <Button variant="outline" onClick={() => show("later")}>
            {ts("scheduleImport", { count: later.length })}
          </Button>
        ) : null}
      </div>
      {mounted ? (
        <Suspense fallback={null}>
          {open === "later" ? (
            <StatusChangeDialog
              action="deactivate"
              users={later}
              rules={rules}
              role={role}
              open
              onOpenChange={(next) => setOpen(next ? "later" : null)}
              onConfirm={schedule}
              eachOnOwnDay
            />
          ) : (
            <StatusChangeDialog
              action="deactivate"
              users={people}
              rules={rules}
              role={role}
              open={open === "now"}
              onOpenChange={(next) => setOpen(next ? "now" : null)}
              onConfirm={confirm}
              systemAdmins={systemAdmins}
              onDryRun={({ includeAdmins }) => dryRunJob({ kind: "deactivate", userIds: idsFor(includeAdmins), includeAdmins })}
            />
          )}
        </Suspense>
      ) : null}
    </>
  );
}
