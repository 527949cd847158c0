"use client";

import { Suspense, lazy } from "react";
import type { Role } from "@/lib/auth/roles";
import type { BulkRules } from "@/lib/jobs/config";
import type { useStatusDialog } from "./use-status-dialog";

// The dialog's code (Radix Dialog, focus trap, scroll lock, dry run) loads when a row action is
// hovered or focused or a row is selected, not with the page: most visits only look.
const loadDialog = () => import("../../_components/status-change/status-change-dialog");
const StatusChangeDialog = lazy(() => loadDialog().then((module) => ({ default: module.StatusChangeDialog })));

export const preloadStatusDialog = () => void loadDialog();

interface UsersStatusDialogProps {
  dialog: ReturnType<typeof useStatusDialog>;
  role: Role;
  rules: BulkRules;
}

/** The users page's one confirm dialog, mounted from its first opening on (to hand focus back on close). */
export function UsersStatusDialog({ dialog, role, rules }: UsersStatusDialogProps) {
  if (!dialog.mounted) return null;
  return (
    <Suspense fallback={null}>
      <StatusChangeDialog
        action={dialog.target?.action ?? "deactivate"}
        users={dialog.target?.people ?? []}
        systemAdmins={dialog.target?.systemAdmins}
        // Only a selection runs as a job, with its confirmation rules; one row is changed directly.
        rules={dialog.target?.bulk ? rules : undefined}
        role={role}
        override={dialog.target?.override}
        open={dialog.target !== null}
        onOpenChange={(open) => (open ? undefined : dialog.close())}
        onConfirm={dialog.confirm}
        onDryRun={dialog.dryRun}
        schedulable
      />
    </Suspense>
  );
}
