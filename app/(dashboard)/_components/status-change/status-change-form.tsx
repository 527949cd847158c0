"use client";

import { LoaderCircleIcon } from "lucide-react";
import { useTimeZone, useTranslations } from "next-intl";
import { type FormEvent, useId, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import type { DryRunDto } from "@/lib/jobs/dto";
import type { StatusAction, StatusChangeInput } from "@/lib/client/users-api";
import type { OverridableProtection } from "@/lib/offboarding/user-dto";
import { ConfirmCountField, parseCount } from "./confirm-count-field";
import { DryRunResult } from "./dry-run-result";
import { ErrorMessage } from "@/components/error-message";
import { OverrideField } from "./override-field";
import { OpenWorkOverrideField } from "./open-work-override-field";
import { REASON_MIN, ReasonFields } from "./reason-fields";
import { statusActions } from "./status-actions";
import { SystemAdminsField } from "./system-admins-field";
import type { Person } from "@/lib/client/people";
import { useDryRun } from "./use-dry-run";
import { PolicyField, WhenField, type WhenValue } from "./when-field";
import { dueAtFor } from "@/lib/schedule/due-time";
import { dayIn } from "@/lib/time/zoned-day";

/**
 * The gate in the form: one blocked person needs an admin's reason; in a bulk run the blocked
 * (`users`, and `admins` among the System Administrators) are left out unless an admin gives one.
 */
export interface OpenWorkGate {
  single: boolean;
  mayOverride: boolean;
  users: string[];
  admins: string[];
}

interface StatusChangeFormProps {
  action: StatusAction;
  reasonId: string;
  pending: boolean;
  /** Above the threshold (counting the System Administrators if they are included): the number of people to type. Null when not asked. */
  confirmCount: { people: number; threshold: number } | null;
  /** Why this role may not run it at all (over the hard cap); null when it may. */
  blocked: string | null;
  /** A protected account this admin may deactivate anyway: a box to tick first. Null otherwise. */
  override: OverridableProtection | null;
  /** Who holds blocking open work (issue 16), and whether this person may override it with a reason. */
  openWorkGate?: OpenWorkGate | null;
  onConfirm: (input: StatusChangeInput) => Promise<void>;
  onCancel: () => void;
  onDryRun?: (options: { includeAdmins: boolean }) => Promise<DryRunDto>;
  /** A bulk run's System Administrators, listed apart; the admin role may tick them in. */
  systemAdmins?: { people: Person[]; mayInclude: boolean } | null;
  /** Offer "On a date" beside "Deactivate now" (deactivations whose caller can schedule). */
  schedulable?: boolean;
  /** Schedule everyone on their own day (an import's last days): only the policy is asked. */
  eachOnOwnDay?: boolean;
}

export function StatusChangeForm({ action, reasonId, pending, confirmCount: confirmBase, blocked, override, openWorkGate = null, onConfirm, onCancel, onDryRun, systemAdmins = null, schedulable = false, eachOnOwnDay = false }: StatusChangeFormProps) {
  const t = useTranslations("statusChange");
  const common = useTranslations("common.actions");
  const { variant } = statusActions[action];
  const countId = useId();
  const overrideId = useId();
  const [reason, setReason] = useState("");
  const [ticket, setTicket] = useState("");
  const [count, setCount] = useState("");
  const [overrideConfirmed, setOverrideConfirmed] = useState(false);
  const openWorkId = useId();
  const [openWorkReason, setOpenWorkReason] = useState("");
  const adminsId = useId();
  const [includeAdmins, setIncludeAdmins] = useState(false);
  const included = includeAdmins && systemAdmins?.mayInclude ? systemAdmins.people.length : 0;
  const overriding = openWorkGate?.mayOverride === true && (openWorkGate.single || openWorkReason.trim().length > 0);
  const leaveOut = openWorkGate && !openWorkGate.single && !overriding ? [...openWorkGate.users, ...(included > 0 ? openWorkGate.admins : [])] : [];
  const going = (confirmBase?.people ?? 0) + included - leaveOut.length;
  const confirmCount = confirmBase && going > confirmBase.threshold ? { ...confirmBase, people: going } : null;
  const [errors, setErrors] = useState<{ reason?: string; count?: string; override?: string; openWork?: string; when?: string }>({});
  const zone = useTimeZone() ?? "UTC";
  const tw = useTranslations("schedule.when");
  const dayId = useId();
  const [when, setWhen] = useState<WhenValue>(() => ({ mode: "now", day: dayIn(new Date(), zone), time: "", policy: "deactivate_anyway" }));
  const later = eachOnOwnDay || (schedulable && when.mode === "later");
  // The error itself, worded by its code when shown; null before a try or after a new one starts.
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  const dryRun = useDryRun(onDryRun && (() => onDryRun({ includeAdmins: included > 0 })));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending || blocked) return;
    const trimmed = reason.trim();
    const typed = parseCount(count);
    const found = {
      reason: trimmed.length < REASON_MIN ? t("reason.tooShort", { min: REASON_MIN }) : undefined,
      count: confirmCount && typed !== confirmCount.people ? t("confirmCount.mismatch", { count: confirmCount.people }) : undefined,
      override: override && !overrideConfirmed ? t("override.required") : undefined,
      openWork: overriding && openWorkReason.trim().length < REASON_MIN ? t("openWork.overrideRequired", { min: REASON_MIN }) : undefined,
      when: later && !eachOnOwnDay ? whenError() : undefined,
    };
    setErrors(found);
    const firstInvalid = found.when ? dayId : found.reason ? reasonId : found.count ? countId : found.override ? overrideId : found.openWork ? openWorkId : null;
    if (firstInvalid) {
      document.getElementById(firstInvalid)?.focus();
      return;
    }
    setFailure(null);
    try {
      await onConfirm({
        reason: trimmed,
        ticket: ticket.trim() || undefined,
        confirmCount: confirmCount ? (typed ?? undefined) : undefined,
        overrideProtection: override ? true : undefined,
        includeAdmins: included > 0 ? true : undefined,
        // With eachOnOwnDay the caller has each person's day; only the policy comes from here.
        schedule: later ? { day: eachOnOwnDay ? "" : when.day, time: eachOnOwnDay ? undefined : when.time || undefined, policy: when.policy } : undefined,
        overrideOpenWork: overriding ? { reason: openWorkReason.trim() } : undefined,
        leaveOut: leaveOut.length > 0 ? leaveOut : undefined,
      });
    } catch (error) {
      setFailure({ error });
    }
  }

  /** A day is required; a time already past is offered as "Deactivate now" instead (the server checks again). */
  function whenError(): string | undefined {
    if (!when.day) return tw("dayRequired");
    try {
      return dueAtFor({ day: when.day, time: when.time || undefined }, zone).getTime() <= Date.now() ? tw("past") : undefined;
    } catch {
      return tw("dayRequired");
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      {failure ? (
        <Alert variant="destructive">
          <AlertTitle>{t("failed")}</AlertTitle>
          <AlertDescription>
            <ErrorMessage error={failure.error} />
          </AlertDescription>
        </Alert>
      ) : null}
      {blocked ? (
        <Alert variant="destructive">
          <AlertTitle>{t("blocked.title")}</AlertTitle>
          <AlertDescription>{blocked}</AlertDescription>
        </Alert>
      ) : null}
      {eachOnOwnDay ? <PolicyField value={when.policy} onChange={(policy) => setWhen({ ...when, policy })} /> : schedulable ? <WhenField value={when} error={errors.when ?? null} dayId={dayId} onChange={setWhen} /> : null}
      <ReasonFields reasonId={reasonId} reason={reason} ticket={ticket} reasonError={errors.reason ?? null} onReason={setReason} onTicket={setTicket} />
      {override ? (
        <OverrideField id={overrideId} protection={override} checked={overrideConfirmed} error={errors.override ?? null} onChange={setOverrideConfirmed} />
      ) : null}
      {openWorkGate && !openWorkGate.single && !blocked ? (
        <Alert>
          <AlertTitle>{t("openWork.leftOut", { count: openWorkGate.users.length + openWorkGate.admins.length })}</AlertTitle>
          {openWorkGate.mayOverride ? <AlertDescription>{t("openWork.leftOutAdmin")}</AlertDescription> : null}
        </Alert>
      ) : null}
      {openWorkGate?.mayOverride ? <OpenWorkOverrideField id={openWorkId} reason={openWorkReason} error={errors.openWork ?? null} onChange={setOpenWorkReason} /> : null}
      {systemAdmins ? (
        <SystemAdminsField id={adminsId} admins={systemAdmins.people} mayInclude={systemAdmins.mayInclude} checked={includeAdmins} onChange={setIncludeAdmins} />
      ) : null}
      {confirmCount ? (
        <ConfirmCountField id={countId} people={confirmCount.people} threshold={confirmCount.threshold} value={count} error={errors.count ?? null} onChange={setCount} />
      ) : null}
      {dryRun.state.status === "done" ? <DryRunResult result={dryRun.state.result} /> : null}
      {dryRun.state.status === "failed" ? (
        <Alert variant="destructive">
          <AlertTitle>{t("dryRun.failed")}</AlertTitle>
          <AlertDescription>
            <ErrorMessage error={dryRun.state.error} />
          </AlertDescription>
        </Alert>
      ) : null}
      <DialogFooter>
        <Button variant="outline" disabled={pending} onClick={onCancel}>
          {common("cancel")}
        </Button>
        {dryRun.start ? (
          <Button variant="outline" aria-disabled={pending || dryRun.state.status === "pending" || undefined} onClick={() => void dryRun.start?.()}>
            {dryRun.state.status === "pending" ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
            {dryRun.state.status === "pending" ? t("dryRun.checking") : t("dryRun.button")}
          </Button>
        ) : null}
        {/* aria-disabled, not disabled, while pending: a disabled button would drop keyboard focus. */}
        <Button type="submit" variant={variant} aria-disabled={pending || blocked !== null || undefined}>
          {pending ? <LoaderCircleIcon className="size-4 animate-spin" aria-hidden /> : null}
          {later ? (pending ? tw("pending") : tw("submit")) : pending ? t(`${action}.pending`) : t(`${action}.label`)}
        </Button>
      </DialogFooter>
    </form>
  );
}
