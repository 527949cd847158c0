"use client";

import { useTranslations } from "next-intl";
import { useQuery } from "@tanstack/react-query";
import { useId, useMemo, useRef, useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { type Role, hasRole } from "@/lib/auth/roles";
import type { Person } from "@/lib/client/people";
import type { StatusAction, StatusChangeInput } from "@/lib/client/users-api";
import type { DryRunDto } from "@/lib/jobs/dto";
import type { OverridableProtection } from "@/lib/offboarding/user-dto";
import { openWorkQuery } from "@/lib/client/open-work";
import { AffectedUsers } from "./affected-users";
import { OpenWorkPanel, type OpenWorkState } from "./open-work-panel";
import type { OpenWorkGate } from "./status-change-form";
import { LicencesFreed, countLicences } from "./licences-freed";
import { StatusChangeForm } from "./status-change-form";
import { SystemAdminNote } from "./system-admins-field";

/** The confirm threshold and hard cap of bulk runs, as the server applies them. */
export interface BulkRules {
  confirmThreshold: number;
  hardCap: number;
}

export interface StatusChangeDialogProps {
  action: StatusAction;
  /** Who is affected: one user from a row action, many from a selection, an import or an undo. */
  users: Person[];
  /** How many people the change covers, when `users` names only some of them. */
  total?: number;
  /** The bulk rules; without them (one user, changed directly) nothing is typed or capped. */
  rules?: BulkRules;
  role: Role;
  /** Deactivating one protected person whose protection this admin may override (asked to confirm). */
  override?: OverridableProtection;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Does the change. Resolve when it is done (the caller then closes the dialog); reject and the
   * dialog stays open with the error's message, so the person can fix the reason or try again.
   */
  onConfirm: (input: StatusChangeInput) => Promise<void>;
  /** Checks what would happen without changing anything; no Dry run button without it. */
  onDryRun?: (options: { includeAdmins: boolean }) => Promise<DryRunDto>;
  /** A bulk run's System Administrators, apart from `users`: left out unless the admin includes them. */
  systemAdmins?: Person[];
  /** Offer "On a date" beside "Deactivate now": `onConfirm` then gets `input.schedule`. */
  schedulable?: boolean;
  /** Schedule each person on their own day (an import's last days): the title says so, only the policy is asked. */
  eachOnOwnDay?: boolean;
}

/**
 * The one confirm dialog for deactivating and reactivating, for one user or many: it names who is
 * affected, counts the licences freed, requires a reason, asks for the number of people above the
 * threshold, refuses non-admins above the hard cap, and cannot be dismissed while in flight.
 */
export function StatusChangeDialog({ action, users, total = users.length, rules, role, override, open, onOpenChange, onConfirm, onDryRun, systemAdmins = [], schedulable = false, eachOnOwnDay = false }: StatusChangeDialogProps) {
  const t = useTranslations("statusChange");
  const ts = useTranslations("schedule.when");
  const reasonId = useId();
  const [pending, setPending] = useState(false);
  // Radix gives focus back only to its own <DialogTrigger>; this dialog is opened from other buttons.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const [only] = users;
  // The count to type may grow by the System Administrators, if the admin includes them (the form adds them).
  const confirmCount = rules && total + systemAdmins.length > rules.confirmThreshold ? { people: total, threshold: rules.confirmThreshold } : null;
  // The gate (issue 16): everyone's open work, read with the batched check while the dialog is open.
  const everyone = useMemo(() => [...users, ...systemAdmins], [users, systemAdmins]);
  const names = useMemo(() => new Map(everyone.map((person) => [person.id, person.name])), [everyone]);
  const gated = action === "deactivate" && open && everyone.length > 0;
  const openWorkQueryResult = useQuery({ ...openWorkQuery(everyone.map((person) => person.id)), enabled: gated });
  const openWork: OpenWorkState | null = !gated
    ? null
    : openWorkQueryResult.isPending
      ? { status: "pending" }
      : openWorkQueryResult.isError
        ? { status: "failed", error: openWorkQueryResult.error }
        : { status: "done", people: openWorkQueryResult.data ?? [] };
  const blockedIds = new Set(openWork?.status === "done" ? openWork.people.filter((person) => person.blocking.length > 0).map((person) => person.userId) : []);
  const mayOverrideOpenWork = hasRole(role, "admin");
  // One person is stopped; a bulk run goes on without the blocked, unless an admin includes them.
  const single = everyone.length === 1;
  const openWorkGate: OpenWorkGate | null =
    blockedIds.size === 0
      ? null
      : {
          single,
          mayOverride: mayOverrideOpenWork,
          users: users.filter((person) => blockedIds.has(person.id)).map((person) => person.id),
          admins: systemAdmins.filter((person) => blockedIds.has(person.id)).map((person) => person.id),
        };
  const blocked =
    rules && total > rules.hardCap && !hasRole(role, "admin")
      ? t("blocked.message", { hardCap: rules.hardCap })
      : openWorkGate && !mayOverrideOpenWork && (single || blockedIds.size === everyone.length)
        ? t("openWork.blockedOperator")
        : null;

  async function confirm(input: StatusChangeInput) {
    setPending(true);
    try {
      await onConfirm(input);
    } finally {
      setPending(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => (pending ? undefined : onOpenChange(next))}>
      {/* Mounted only while open, so every opening starts with an empty form. */}
      {open ? (
        <DialogContent
          showCloseButton={false}
          // The reason is what to do first; Radix would focus the first tabbable element instead.
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            returnFocusTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
            document.getElementById(reasonId)?.focus();
          }}
          onCloseAutoFocus={(event) => {
            event.preventDefault();
            if (returnFocusTo.current?.isConnected) returnFocusTo.current.focus();
          }}
          // A stray click must not throw away a typed reason; Escape and Cancel still close it.
          onInteractOutside={(event) => event.preventDefault()}
          onEscapeKeyDown={(event) => (pending ? event.preventDefault() : undefined)}
        >
          <DialogHeader>
            <DialogTitle>{eachOnOwnDay ? ts("eachTitle", { count: total }) : t(`${action}.title`, { count: total, name: only?.name ?? "" })}</DialogTitle>
            <DialogDescription>{t(`${action}.consequence`, { count: total })}</DialogDescription>
          </DialogHeader>
          <AffectedUsers people={users} total={total} />
          {action === "deactivate" && !rules && only?.isAdmin ? <SystemAdminNote /> : null}
          {action === "deactivate" && total > 1 ? <LicencesFreed licences={countLicences(users)} /> : null}
          {openWork ? <OpenWorkPanel state={openWork} names={names} /> : null}
          {action === "reactivate" ? <p className="text-sm text-muted-foreground">{t("reactivate.workNote")}</p> : null}
          <StatusChangeForm
            action={action}
            reasonId={reasonId}
            pending={pending}
            confirmCount={confirmCount}
            blocked={blocked}
            override={override ?? null}
            openWorkGate={openWorkGate}
            onConfirm={confirm}
            onCancel={() => onOpenChange(false)}
            onDryRun={onDryRun}
            systemAdmins={action === "deactivate" && systemAdmins.length > 0 ? { people: systemAdmins, mayInclude: hasRole(role, "admin") } : null}
            schedulable={schedulable && action === "deactivate" && !override}
            eachOnOwnDay={eachOnOwnDay && action === "deactivate"}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
