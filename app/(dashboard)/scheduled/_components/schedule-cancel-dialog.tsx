"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, AlertDescription } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { notify } from "@/components/ui/sonner";
import { ErrorMessage } from "@/components/error-message";
import { cancelSchedule } from "@/lib/client/schedules-api";
import type { ScheduleDto } from "@/lib/schedule/dto";

/** Confirms cancelling one scheduled deactivation; the server refuses once it has started (409). */
export function ScheduleCancelDialog({ schedule, onClose, onCancelled }: { schedule: ScheduleDto; onClose: () => void; onCancelled: () => void }) {
  const t = useTranslations("schedule.cancel");
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const name = schedule.targetName ?? schedule.targetEmail ?? schedule.targetId;

  async function confirm() {
    setPending(true);
    setFailure(null);
    try {
      await cancelSchedule(schedule.id);
      notify.success(t("done", { name }));
      onCancelled();
      onClose();
    } catch (error) {
      setFailure(error);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open onOpenChange={(open) => (open || pending ? undefined : onClose())}>
      <DialogContent showCloseButton={false}>
        <DialogHeader>
          <DialogTitle>{t("title", { name })}</DialogTitle>
          <DialogDescription>{t("description", { name })}</DialogDescription>
        </DialogHeader>
        {failure ? (
          <Alert variant="destructive">
            <AlertDescription>
              <ErrorMessage error={failure} />
            </AlertDescription>
          </Alert>
        ) : null}
        <DialogFooter>
          <Button variant="outline" disabled={pending} onClick={onClose}>
            {t("keep")}
          </Button>
          <Button variant="destructive" aria-disabled={pending || undefined} onClick={() => (pending ? undefined : void confirm())}>
            {pending ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
            {pending ? t("pending") : t("confirm")}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
