"use client";

import { KeyRoundIcon, LoaderCircleIcon } from "lucide-react";
import { Suspense, lazy } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { type Role, can } from "@/lib/auth/roles";
import type { JobAction } from "@/lib/client/jobs-api";
import type { BulkRules } from "@/lib/jobs/config";
import type { JobDto } from "@/lib/jobs/dto";
import { undoDryRun, useUndo } from "./use-undo";
import { useJobAction } from "./use-job-action";

// The confirm dialog is needed only for Undo: it loads when asked for.
const StatusChangeDialog = lazy(() =>
  import("../../../_components/status-change/status-change-dialog").then((module) => ({ default: module.StatusChangeDialog })),
);

const actionLabels: Record<JobAction, { label: string; pending: string }> = {
  cancel: { label: "Cancel job", pending: "Cancelling…" },
  retry: { label: "Retry failed", pending: "Retrying…" },
  resume: { label: "Resume", pending: "Checking the credential…" },
};

/** What may be done to the job now; the server checks the role and the state again. */
export function JobActions({ job, role, rules }: { job: JobDto; role: Role; rules: BulkRules }) {
  const action = useJobAction(job.id);
  const undo = useUndo(job.id);
  if (!can(role, "runBulkJobs")) return null;
  const shown = (["resume", "retry", "cancel"] as const).filter((name) => job.actions[name]);
  const button = (name: JobAction) => (
    <Button
      key={name}
      variant={name === "cancel" ? "outline" : "default"}
      aria-disabled={action.isPending || undefined}
      onClick={() => (action.isPending ? undefined : action.mutate(name))}
    >
      {action.isPending && action.variables === name ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
      {action.isPending && action.variables === name ? actionLabels[name].pending : actionLabels[name].label}
    </Button>
  );
  return (
    <section aria-label="Job actions" className="space-y-3">
      {job.status === "paused_auth" ? (
        <Alert variant="destructive" className="flex gap-3">
          <KeyRoundIcon className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div className="flex-1">
            <AlertTitle>Reconnect Workfront</AlertTitle>
            <AlertDescription>
              Workfront refused the dashboard&apos;s credential{job.lastError ? ` (${job.lastError.message})` : ""}. Nothing is lost. Renew the API
              key, then press Resume; the job also resumes by itself once the key works.
            </AlertDescription>
          </div>
        </Alert>
      ) : null}
      {action.error ? (
        <Alert variant="destructive">
          <AlertTitle>That did not work</AlertTitle>
          <AlertDescription>{action.error.message}</AlertDescription>
        </Alert>
      ) : null}
      {undo.error ? (
        <Alert variant="destructive">
          <AlertTitle>The undo could not be prepared</AlertTitle>
          <AlertDescription>{undo.error}</AlertDescription>
        </Alert>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {shown.map(button)}
        {job.actions.undo ? (
          <Button variant="outline" aria-disabled={undo.loading || undefined} onClick={() => (undo.loading ? undefined : void undo.open())}>
            {undo.loading ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
            Undo: reactivate {job.counts.succeeded.toLocaleString("en")}…
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
