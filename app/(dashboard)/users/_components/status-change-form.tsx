"use client";

import { LoaderCircleIcon } from "lucide-react";
import { type FormEvent, useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";
import type { StatusAction, StatusChangeInput } from "@/lib/client/users-api";
import { statusActions } from "./status-actions";

/** The API's limits, checked here first so a person hears about them before anything is sent. */
const REASON_MIN = 3;
const REASON_MAX = 500;
const TICKET_MAX = 100;

interface StatusChangeFormProps {
  action: StatusAction;
  reasonId: string;
  pending: boolean;
  onConfirm: (input: StatusChangeInput) => Promise<void>;
  onCancel: () => void;
}

export function StatusChangeForm({ action, reasonId, pending, onConfirm, onCancel }: StatusChangeFormProps) {
  const words = statusActions[action];
  const ids = { hint: useId(), reasonError: useId(), ticket: useId() };
  const [reason, setReason] = useState("");
  const [ticket, setTicket] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const trimmed = reason.trim();
    if (trimmed.length < REASON_MIN) {
      setReasonError(`Give a reason of at least ${REASON_MIN} characters.`);
      document.getElementById(reasonId)?.focus();
      return;
    }
    setReasonError(null);
    setFailure(null);
    try {
      await onConfirm({ reason: trimmed, ticket: ticket.trim() || undefined });
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
      <div className="grid gap-2">
        <Label htmlFor={reasonId}>Reason</Label>
        <Textarea
          id={reasonId}
          value={reason}
          required
          maxLength={REASON_MAX}
          rows={3}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${ids.reasonError} ${ids.hint}` : ids.hint}
          onChange={(event) => setReason(event.target.value)}
        />
        <div className="flex justify-between gap-4 text-xs text-muted-foreground">
          <p id={ids.hint}>Required, 3 to 500 characters. Recorded in the audit log.</p>
          <p className="tabular-nums" aria-hidden>
            {reason.length}/{REASON_MAX}
          </p>
        </div>
        {reasonError ? (
          <p id={ids.reasonError} className="text-sm text-destructive">
            {reasonError}
          </p>
        ) : null}
      </div>
      <div className="grid gap-2">
        <Label htmlFor={ids.ticket}>
          Ticket reference <span className="font-normal text-muted-foreground">(optional)</span>
        </Label>
        <Input
          id={ids.ticket}
          value={ticket}
          maxLength={TICKET_MAX}
          placeholder="e.g. HR-1234"
          autoComplete="off"
          onChange={(event) => setTicket(event.target.value)}
        />
      </div>
      <DialogFooter>
        <Button variant="outline" disabled={pending} onClick={onCancel}>
          Cancel
        </Button>
        {/* aria-disabled, not disabled, while pending: a disabled button would drop keyboard focus. */}
        <Button type="submit" variant={words.variant} aria-disabled={pending || undefined}>
          {pending ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
          {pending ? words.pendingLabel : words.label}
        </Button>
      </DialogFooter>
    </form>
  );
}

