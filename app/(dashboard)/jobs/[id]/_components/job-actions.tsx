"use client";

import { KeyRoundIcon, LoaderCircleIcon, UserXIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { Suspense, lazy } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type Role, can } from "@/lib/auth/roles";
import type { JobAction } from "@/lib/client/jobs-api";
import type { BulkRules } from "@/lib/jobs/config";
import type { JobDto } from "@/lib/jobs/dto";
import { ErrorMessage } from "@/components/error-message";
import { undoDryRun, useUndo } from "./use-undo";
import { useJobAction } from "./use-job-action";

// The confirm dialog is needed only for Undo: it loads when asked for.
const StatusChangeDialog = lazy(() =>
  import("../../../_components/status-change/status-change-dialog").then((module) => ({ default: module.StatusChangeDialog })),
);

/** What may be done to the job now; the server checks the role and the state again. */
export function JobActions({ job, role, rules }: { job: JobDto; role: Role; rules: BulkRules }) {
  const t = useTranslations("jobs.actions");
  const common = useTranslations("common");
  const action = useJobAction(job.id, job.status);
  const undo = useUndo(job.id);
  if (!can(role, "runBulkJobs")) return null;
  // A job paused for its disabled creator resumes only for an admin, who takes it on.
  const mayResume = job.status !== "paused_creator" || role === "admin";
  const shown = (["resume", "retry", "cancel"] as const).filter((name) => job.actions[name] && (name !== "resume" || mayResume));
  const button = (name: JobAction) => (
    <Button
      key={name}
      variant={name === "cancel" ? "outline" : "default"}
      aria-disabled={action.isPending || undefined}
      onClick={() => (action.isPending ? undefined : action.mutate(name))}
    >
      {action.isPending && action.variables === name ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
      {action.isPending && action.variables === name ? t(`${name}.pending`) : t(`${name}.label`)}
    </Button>
  );
  return (
    <section aria-label={t("region")} className="space-y-3">
      {job.status === "paused_auth" ? (
        <Alert variant="destructive" className="flex gap-3">
          <KeyRoundIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div className="flex-1">
            <AlertTitle>{t("paused.title")}</AlertTitle>
            <AlertDescription>
              <span className="block">{t("paused.body")}</span>
              {job.lastError ? <span className="block text-xs">{common("errorDetail", { message: job.lastError.message })}</span> : null}
            </AlertDescription>
          </div>
        </Alert>
      ) : null}
      {job.status === "paused_creator" ? (
        <Alert variant="destructive" className="flex gap-3">
          <UserXIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div className="flex-1">
            <AlertTitle>{t("pausedCreator.title")}</AlertTitle>
            <AlertDescription>{t("pausedCreator.body")}</AlertDescription>
          </div>
        </Alert>
      ) : null}
      {action.error ? (
        <Alert variant="destructive">
          <AlertTitle>{t("failed")}</AlertTitle>
          <AlertDescription>
            <ErrorMessage error={action.error} />
          </AlertDescription>
        </Alert>
      ) : null}
      {undo.error ? (
        <Alert variant="destructive">
          <AlertTitle>{t("undoFailed")}</AlertTitle>
          <AlertDescription>
            <ErrorMessage error={undo.error} />
          </AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {shown.map(button)}
        {job.actions.undo ? (
          <Button variant="outline" aria-disabled={undo.loading || undefined} onClick={() => (undo.loading ? undefined : void undo.open())}>
            {undo.loading ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
            {t("undo", { count: job.counts.succeeded })}
          </Button>
        ) : null}
      </div>
      {undo.mounted ? (
        <Suspense fallback={null}>
          <StatusChangeDialog
            action="reactivate"
            users={undo.people ?? []}
            total={job.counts.succeeded}
            rules={rules}
            role={role}
            open={undo.people !== null}
            onOpenChange={(open) => (open ? undefined : undo.close())}
            onConfirm={undo.confirm}
            onDryRun={undo.people ? undoDryRun(undo.people, job.counts.succeeded) : undefined}
          />
        </Suspense>
      ) : null}
    </section>
  );
}
