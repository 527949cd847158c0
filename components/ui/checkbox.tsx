"use client";

import type * as React from "react";
import { useEffect, useRef } from "react";
import { cn } from "@/lib/utils";

/**
 * A native checkbox with a tri-state option. Native rather than Radix: it costs no JavaScript on
 * the users page (which has a budget), and the browser exposes `indeterminate` to assistive
 * technology as "mixed" by itself. `indeterminate` can only be set from script, hence the ref.
 */
export function Checkbox({
  className,
  indeterminate = false,
  ...props
}: Omit<React.ComponentProps<"input">, "type"> & { indeterminate?: boolean }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      data-slot="checkbox"
      className={cn(
        "size-4 shrink-0 cursor-pointer rounded-sm border-input accent-primary align-middle",
        "focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:outline-none",
        "disabled:cursor-not-allowed disabled:opacity-50",
        className,
      )}
      {...props}
    />
  );
}
