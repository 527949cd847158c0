import { ChevronDownIcon } from "lucide-react";
import type * as React from "react";
import { cn } from "@/lib/utils";
import { fieldClassName } from "./input";

/**
 * A styled native <select>: for a short list of fixed options it brings the platform's keyboard
 * handling and screen-reader support without a popover library.
 */
export function NativeSelect({ className, children, ...props }: React.ComponentProps<"select">) {
  return (
    <div data-slot="native-select-wrapper" className="relative inline-flex">
      <select
        data-slot="native-select"
        className={cn(fieldClassName, "h-8 w-auto appearance-none pr-8 pl-2.5", className)}
        {...props}
      >
        {children}
      </select>
      <ChevronDownIcon
        aria-hidden
        className="pointer-events-none absolute top-1/2 right-2.5 size-4 -translate-y-1/2 text-muted-foreground"
      />
    </div>
  );
}
