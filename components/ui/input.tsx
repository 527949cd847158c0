import type * as React from "react";
import { cn } from "@/lib/utils";

/** The field look shared by input, textarea and select: a visible ring on keyboard focus. */
export const fieldClassName =
  "w-full rounded-md border border-input bg-background px-3 text-sm shadow-xs transition-colors " +
  "placeholder:text-muted-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring " +
  "focus-visible:ring-offset-1 disabled:cursor-not-allowed disabled:opacity-50 " +
  "aria-invalid:border-destructive aria-invalid:ring-destructive/40";

export function Input({ className, type = "text", ...props }: React.ComponentProps<"input">) {
  return <input data-slot="input" type={type} className={cn(fieldClassName, "h-9 py-1", className)} {...props} />;
}
