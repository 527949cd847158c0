"use client";

import { useFormatter, useTranslations } from "next-intl";
import { TabsList, TabsTrigger } from "@/components/ui/tabs";
import { USER_STATUSES, type UserStatus } from "@/lib/client/user-search";
import type { UserCounts } from "@/lib/offboarding/user-dto";

const countOf: Record<UserStatus, (counts: UserCounts) => number> = {
  active: (counts) => counts.active,
  deactivated: (counts) => counts.deactivated,
  all: (counts) => counts.active + counts.deactivated,
};

export function statusTabId(status: UserStatus): string {
  return `users-tab-${status}`;
}

interface StatusTabsProps {
  status: UserStatus;
  /** Users matching the current search; undefined until the first count arrives. */
  counts: UserCounts | undefined;
  panelId: string;
  onChange: (status: UserStatus) => void;
}

export function StatusTabs({ status, counts, panelId, onChange }: StatusTabsProps) {
  const t = useTranslations("users.tabs");
  const format = useFormatter();
  return (
    <TabsList aria-label={t("label")}>
      {USER_STATUSES.map((value) => (
        <TabsTrigger
          key={value}
          id={statusTabId(value)}
          selected={value === status}
          aria-controls={panelId}
          onClick={() => onChange(value)}
        >
          {t(value)}
          {counts ? (
            <span className="rounded-sm bg-muted px-1.5 text-xs text-foreground tabular-nums">{format.number(countOf[value](counts))}</span>
          ) : null}
        </TabsTrigger>
      ))}
    </TabsList>
  );
}
