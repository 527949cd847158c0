"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { Suspense, lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import { notify } from "@/components/ui/sonner";
import type { Role } from "@/lib/auth/roles";
import { createJob, dryRunJob, jobKeys } from "@/lib/client/jobs-api";
import type { Person } from "@/lib/client/people";
import { goToSignIn, isUnauthenticated } from "@/lib/client/sign-in-redirect";
import type { StatusChangeInput } from "@/lib/client/users-api";
import type { BulkRules } from "@/lib/jobs/config";
import type { MatchReportDto } from "@/lib/offboarding/match-leavers";

const StatusChangeDialog = lazy(() =>
  import("../../_components/status-change/status-change-dialog").then((module) => ({ default: module.StatusChangeDialog })),
);

/** The run: only the lines that will be deactivated go into the job, through the one confirm dialog. */
export function RunImport({ report, role, rules, sourceName }: { report: MatchReportDto; role: Role; rules: BulkRules; sourceName?: string }) {
  const t = useTranslations("bulk.run");
  const [open, setOpen] = useState(false);
  const [mounted, setMounted] = useState(false);
  const router = useRouter();
  const queryClient = useQueryClient();
  const people: Person[] = report.lines.flatMap((line) => (line.state === "will_deactivate" && line.user ? [line.user] : []));
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
      setOpen(false);
      router.push(`/jobs/${job.id}`);
    } catch (error) {
      if (isUnauthenticated(error)) goToSignIn();
      throw error;
    }
  }

  if (count === 0 && systemAdmins.length === 0) {
    return <p className="text-sm text-muted-foreground">{t("nothing")}</p>;
  }
  return (
    <>
      <Button
        variant="destructive"
        onClick={() => {
          setMounted(true);
          setOpen(true);
        }}
      >
        {t("button", { count })}
      </Button>
      {mounted ? (
        <Suspense fallback={null}>
          <StatusChangeDialog
            action="deactivate"
            users={people}
            rules={rules}
            role={role}
            open={open}
            onOpenChange={setOpen}
            onConfirm={confirm}
            systemAdmins={systemAdmins}
            onDryRun={({ includeAdmins }) => dryRunJob({ kind: "deactivate", userIds: idsFor(includeAdmins), includeAdmins })}
          />
        </Suspense>
      ) : null}
    </>
  );
}
