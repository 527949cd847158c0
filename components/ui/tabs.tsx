"use client";

import type * as React from "react";
import { cn } from "@/lib/utils";

/**
 * WAI-ARIA tabs without a library: one tab stop for the whole list (roving tabindex), arrow keys,
 * Home and End move between tabs and select them at once (automatic activation, as the panel
 * here is cheap to switch). The caller owns the selected value, e.g. in the URL.
 */
export function TabsList({ className, onKeyDown, ...props }: React.ComponentProps<"div">) {
  function moveFocus(event: React.KeyboardEvent<HTMLDivElement>) {
    onKeyDown?.(event);
    const tabs = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]:not([disabled])'));
    const index = tabs.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    const targets: Record<string, number> = {
      ArrowRight: (index + 1) % tabs.length,
      ArrowLeft: (index - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = tabs[targets[event.key] ?? -1];
    if (!next) return;
    event.preventDefault();
    next.focus();
    next.click();
  }

  return (
    <div
      data-slot="tabs-list"
      role="tablist"
      className={cn("inline-flex h-9 items-center gap-1 rounded-lg bg-muted p-1 text-muted-foreground", className)}
      onKeyDown={moveFocus}
      {...props}
    />
  );
}

export function TabsTrigger({
  className,
  selected,
  ...props
}: Omit<React.ComponentProps<"button">, "role"> & { selected: boolean }) {
  return (
    <button
      data-slot="tabs-trigger"
      type="button"
      role="tab"
      aria-selected={selected}
      tabIndex={selected ? 0 : -1}
      data-state={selected ? "active" : "inactive"}
      className={cn(
        "inline-flex h-7 items-center gap-1.5 rounded-md px-3 text-sm font-medium whitespace-nowrap transition-colors",
        "hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none",
        "data-[state=active]:bg-background data-[state=active]:text-foreground data-[state=active]:shadow-sm",
        className,
      )}
      {...props}
    />
  );
}

export function TabsPanel({ className, ...props }: Omit<React.ComponentProps<"div">, "role">) {
  return <div data-slot="tabs-panel" role="tabpanel" className={cn("focus-visible:outline-none", className)} {...props} />;
}
