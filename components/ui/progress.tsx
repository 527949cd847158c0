import type * as React from "react";
import { cn } from "@/lib/utils";

/** A determinate progress bar; `value` is 0..1. The label names what is progressing. */
export function Progress({ value, className, ...props }: Omit<React.ComponentProps<"div">, "role"> & { value: number }) {
  const percent = Math.round(Math.min(1, Math.max(0, value)) * 100);
  return (
    <div
      data-slot="progress"
      role="progressbar"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
      className={cn("relative h-3 w-full overflow-hidden rounded-full bg-muted", className)}
      {...props}
    >
      <div className="h-full bg-primary transition-[width] duration-500" style={{ width: `${percent}%` }} />
    </div>
  );
}
