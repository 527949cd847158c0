"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { Suspense, lazy, useState } from "react";
import { Button } from "@/components/ui/button";
import type { Role } from "@/lib/auth/roles";
import type { Person } from "@/lib/client/people";
import { postStatusChange } from "@/lib/client/users-api";
import { createSchedules } from "@/lib/client/schedules-api";

const StatusChangeDialog = lazy(() =>
  import("../../../_components/status-change/status-change-dialog").then((module) => ({
    default: module.StatusChangeDialog,
  })),
);

/** Deactivate (or reactivate) this person with the app's one confirm dialog. */
export function DeactivateButton({
  person,
  isActive,
  role,
}: {
  person: Person;
  isActive: boolean;
  role: Role;
}) {
  const t = useTranslations("person.page");
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const action = isActive ? "deactivate" : "reactivate";
  return (
    <>
      <Button variant={isActive ? "destructive" : "default"} onClick={() => setOpen(true)}>
        {isActive ? t("deactivate") : t("reactivate")}
      </Button>
      {open ? (
        <Suspense fallback={null}>
          <StatusChangeDialog
            action={action}
            users={[person]}
            role={role}
            open={open}
            onOpenChange={setOpen}
            schedulable={isActive}
            onConfirm={async (input) => {
              if (input.schedule) {
                const { day, time, policy } = input.schedule;
                await createSchedules({ people: [{ userId: person.id }], when: { day, ...(time ? { time } : {}) }, policy, reason: input.reason, ticket: input.ticket });
              } else {
                await postStatusChange(person.id, action, input);
              }
              setOpen(false);
              router.refresh();
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
