"use client";

import { useId, useRef, useState } from "react";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { StatusAction, StatusChangeInput } from "@/lib/client/users-api";
import type { UserDto } from "@/lib/offboarding/user-dto";
import { AffectedUsers } from "./affected-users";
import { StatusChangeForm } from "./status-change-form";
import { statusActions } from "./status-actions";

export interface StatusChangeDialogProps {
  action: StatusAction;
  /** Who is affected: one user from a row action, many from a bulk selection. */
  users: UserDto[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /**
   * Does the change. Resolve when it is done (the caller then closes the dialog); reject and the
   * dialog stays open with the error's message, so the person can fix the reason or try again.
   */
  onConfirm: (input: StatusChangeInput) => Promise<void>;
}

/**
 * The one confirm dialog for deactivating and reactivating, for one user or many: it names who is
 * affected, requires a reason, and cannot be dismissed while the change is in flight.
 */
export function StatusChangeDialog({ action, users, open, onOpenChange, onConfirm }: StatusChangeDialogProps) {
  const words = statusActions[action];
  const reasonId = useId();
  const [pending, setPending] = useState(false);
  // Radix gives focus back only to its own <DialogTrigger>; this dialog is opened from row buttons.
  const returnFocusTo = useRef<HTMLElement | null>(null);
  const [only] = users;
  const who = users.length === 1 && only ? only.name : `${users.length.toLocaleString("en")} users`;

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
            <DialogTitle>{words.title(who)}</DialogTitle>
            <DialogDescription>{words.consequence}</DialogDescription>
          </DialogHeader>
          <AffectedUsers users={users} />
          <StatusChangeForm
            action={action}
            reasonId={reasonId}
            pending={pending}
            onConfirm={confirm}
            onCancel={() => onOpenChange(false)}
          />
        </DialogContent>
      ) : null}
    </Dialog>
  );
}
