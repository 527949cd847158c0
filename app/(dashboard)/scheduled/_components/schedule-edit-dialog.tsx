"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { notify } from "@/components/ui/sonner";
import { Textarea } from "@/components/ui/textarea";
import { ErrorMessage } from "@/components/error-message";
import { editSchedule } from "@/lib/client/schedules-api";
import { dueAtFor, wallTime } from "@/lib/schedule/due-time";
import { dayIn } from "@/lib/time/zoned-day";
import type { ScheduleDto } from "@/lib/schedule/dto";
import { WhenField, type WhenValue } from "../../_components/status-change/when-field";

/**
 * Changes one scheduled deactivation's time (a day and maybe a time on the organisation's clock),
 * policy, reason and ticket. The time starts at the schedule's own, shown on that clock.
 */
export function ScheduleEditDialog({ schedule, orgZone, onClose, onSaved }: { schedule: ScheduleDto; orgZone: string; onClose: () => void; onSaved: () => void }) {
  const t = useTranslations("schedule");
  const ids = { day: useId(), reason: useId(), ticket: useId() };
  const due = new Date(schedule.dueAt);
  const endOfDay = dueAtFor({ day: dayIn(due, orgZone) }, orgZone).getTime() === due.getTime();
  const [when, setWhen] = useState<WhenValue>({ mode: "later", day: dayIn(due, orgZone), time: endOfDay ? "" : wallTime(due, orgZone), policy: schedule.policy });
  const [reason, setReason] = useState(schedule.reason);
  const [ticket, setTicket] = useState(schedule.ticket ?? "");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [whenError, setWhenError] = useState<string | null>(null);
  const name = schedule.targetName ?? schedule.targetEmail ?? schedule.targetId;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    if (!when.day) {
      setWhenError(t("when.dayRequired"));
      document.getElementById(ids.day)?.focus();
      return;
    }
    setWhenError(null);
    setPending(true);
    setFailure(null);
    try {
      await editSchedule(schedule.id, {
        when: { day: when.day, ...(when.time ? { time: when.time } : {}) },
        policy: when.policy,
        reason: reason.trim(),
        ticket: ticket.trim() || null,
      });
      notify.success(t("edit.saved", { name }));
      onSaved();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open || pending ? undefined : onClose())}>
      <DialogContent showCloseButton={false} onInteractOutside={(event) => event.preventDefault()}>
        <DialogHeader>
          <DialogTitle>{t("edit.title", { name })}</DialogTitle>
          <DialogDescription>{t("edit.description")}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="grid gap-4">
          {failure ? (
            <Alert variant="destructive">
              <AlertDescription>
                <ErrorMessage error={failure} />
              </AlertDescription>
            </Alert>
          ) : null}
          {/* Only "On a date" here: "now" is the person page's or the users list's deactivation. */}
          <WhenField value={when} error={whenError} dayId={ids.day} onChange={(value) => setWhen({ ...value, mode: "later" })} laterOnly />
          <div className="grid gap-1">
            <Label htmlFor={ids.reason}>{t("edit.reason")}</Label>
            <Textarea id={ids.reason} value={reason} required minLength={3} maxLength={500} rows={2} onChange={(event) => setReason(event.target.value)} />
          </div>
          <div className="grid gap-1">
            <Label htmlFor={ids.ticket}>{t("edit.ticket")}</Label>
            <Input id={ids.ticket} value={ticket} maxLength={100} autoComplete="off" onChange={(event) => setTicket(event.target.value)} />
          </div>
          <DialogFooter>
            <Button variant="outline" disabled={pending} onClick={onClose}>
              {t("edit.close")}
            </Button>
            <Button type="submit" aria-disabled={pending || undefined}>
              {pending ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
              {pending ? t("edit.saving") : t("edit.save")}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
