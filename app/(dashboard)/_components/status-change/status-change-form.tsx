"use client";

import { LoaderCircleIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import type { DryRunDto } from "@/lib/jobs/dto";
import type { StatusAction, StatusChangeInput } from "@/lib/client/users-api";
import { ConfirmCountField, parseCount } from "./confirm-count-field";
import { DryRunResult } from "./dry-run-result";
import { ReasonFields } from "./reason-fields";
import { statusActions } from "./status-actions";
import { useDryRun } from "./use-dry-run";

const REASON_MIN = 3;

interface StatusChangeFormProps {
  action: StatusAction;
  reasonId: string;
  pending: boolean;
  /** Above the threshold: the number of people to type. Null when not asked. */
  confirmCount: { people: number; threshold: number } | null;
  /** Why this role may not run it at all (over the hard cap); null when it may. */
  blocked: string | null;
  onConfirm: (input: StatusChangeInput) => Promise<void>;
  onCancel: () => void;
  onDryRun?: () => Promise<DryRunDto>;
}

export function StatusChangeForm({ action, reasonId, pending, confirmCount, blocked, onConfirm, onCancel, onDryRun }: StatusChangeFormProps) {
  const words = statusActions[action];
  const countId = useId();
  const [reason, setReason] = useState("");
  const [ticket, setTicket] = useState("");
  const [count, setCount] = useState("");
  const [errors, setErrors] = useState<{ reason?: string; count?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const dryRun = useDryRun(onDryRun);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || blocked) return;
    const trimmed = reason.trim();
    const typed = parseCount(count);
    const found = {
      reason: trimmed.length < REASON_MIN ? `Give a reason of at least ${REASON_MIN} characters.` : undefined,
      count: confirmCount && typed !== confirmCount.people ? `Type ${confirmCount.people.toLocaleString("en")}, the number of people.` : undefined,
    };
    setErrors(found);
    if (found.reason || found.count) {
      document.getElementById(found.reason ? reasonId : countId)?.focus();
      return;
    }
    setFailure(null);
    try {
      await onConfirm({ reason: trimmed, ticket: ticket.trim() || undefined, confirmCount: confirmCount ? (typed ?? undefined) : undefined });
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {failure ? (
        <Alert variant="destructive">
          <AlertTitle>Nothing was changed</AlertTitle>
          <AlertDescription>{failure}</AlertDescription>
        </Alert>
      ) : null}
      {blocked ? (
        <Alert variant="destructive">
          <AlertTitle>Only an admin may run this</AlertTitle>
          <AlertDescription>{blocked}</AlertDescription>
        </Alert>
      ) : null}
      <ReasonFields reasonId={reasonId} reason={reason} ticket={ticket} reasonError={errors.reason ?? null} onReason={setReason} onTicket={setTicket} />
      {confirmCount ? (
        <ConfirmCountField id={countId} people={confirmCount.people} threshold={confirmCount.threshold} value={count} error={errors.count ?? null} onChange={setCount} />
      ) : null}
      {dryRun.state.status === "done" ? <DryRunResult result={dryRun.state.result} /> : null}
      {dryRun.state.status === "failed" ? (
        <Alert variant="destructive">
          <AlertTitle>The dry run did not finish</AlertTitle>
          <AlertDescription>{dryRun.state.message}</AlertDescription>
        </Alert>
      ) : null}
      <DialogFooter>
        <Button variant="outline" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        {dryRun.start ? (
          <Button variant="outline" aria-disabled={pending || dryRun.state.status === "pending" || undefined} onClick={() => void dryRun.start?.()}>
            {dryRun.state.status === "pending" ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
            {dryRun.state.status === "pending" ? "Checking…" : "Dry run"}
          </Button>
        ) : null}
        {/* aria-disabled, not disabled, while pending: a disabled button would drop keyboard focus. */}
        <Button type="submit" variant={words.variant} aria-disabled={pending || blocked !== null || undefined}>
          {pending ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
          {pending ? words.pendingLabel : words.label}
        </Button>
      </DialogFooter>
    </form>
  );
}
