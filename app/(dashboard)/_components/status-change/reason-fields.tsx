import { useTranslations } from "next-intl";
import { useId } from "react";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Textarea } from "@/components/ui/textarea";

/** The API's limits, checked here first so a person hears about them before anything is sent. */
export const REASON_MIN = 3;
const REASON_MAX = 500;
const TICKET_MAX = 100;

interface ReasonFieldsProps {
  reasonId: string;
  reason: string;
  ticket: string;
  reasonError: string | null;
  onReason: (value: string) => void;
  onTicket: (value: string) => void;
}

/** The required reason and the optional ticket, both recorded in the audit log. */
export function ReasonFields({ reasonId, reason, ticket, reasonError, onReason, onTicket }: ReasonFieldsProps) {
  const t = useTranslations("statusChange.reason");
  const ids = { hint: useId(), reasonError: useId(), ticket: useId() };
  return (
    <>
      <div className="grid gap-2">
        <Label htmlFor={reasonId}>{t("label")}</Label>
        <Textarea
          id={reasonId}
          value={reason}
          required
          maxLength={REASON_MAX}
          rows={3}
          aria-invalid={reasonError ? true : undefined}
          aria-describedby={reasonError ? `${ids.reasonError} ${ids.hint}` : ids.hint}
          onChange={(event) => onReason(event.target.value)}
        />
        <div className="flex justify-between gap-4 text-xs text-muted-foreground">
          <p id={ids.hint}>{t("hint", { min: REASON_MIN, max: REASON_MAX })}</p>
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
          {t("ticket")} <span className="font-normal text-muted-foreground">{t("optional")}</span>
        </Label>
        <Input
          id={ids.ticket}
          value={ticket}
          maxLength={TICKET_MAX}
          placeholder={t("ticketPlaceholder")}
          autoComplete="off"
          onChange={(event) => onTicket(event.target.value)}
        />
      </div>
    </>
  );
}
