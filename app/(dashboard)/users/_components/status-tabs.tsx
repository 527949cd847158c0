"use client";

import { TabsList, TabsTrigger } from "@/components/ui/tabs";
import { USER_STATUSES, type UserStatus } from "@/lib/client/user-search";
import type { UserCounts } from "@/lib/offboarding/user-dto";
import { formatCount } from "./format";

const statusTabs: Record<UserStatus, { label: string; count: (counts: UserCounts) => number }> = {
  active: { label: "Active", count: (counts) => counts.active },
  deactivated: { label: "Deactivated", count: (counts) => counts.deactivated },
  all: { label: "All", count: (counts) => counts.active + counts.deactivated },
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
  return (
    <TabsList aria-label="User status">
      {USER_STATUSES.map((value) => (
        <TabsTrigger
          key={value}
          id={statusTabId(value)}
          selected={value === status}
          aria-controls={panelId}
          onClick={() => onChange(value)}
        >
          {statusTabs[value].label}
          {counts ? (
            <span className="rounded-sm bg-muted px-1.5 text-xs text-foreground tabular-nums">
              {formatCount(statusTabs[value].count(counts))}
            </span>
          ) : null}
        </TabsTrigger>
      ))}
    </TabsList>
  );
}
