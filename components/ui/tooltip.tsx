"use client";

import { Slot } from "@radix-ui/react-slot";
import * as React from "react";
import { createPortal } from "react-dom";
import { cn } from "@/lib/utils";

/**
 * A small tooltip for short hints next to a control. Not Radix Tooltip: that brings floating-ui
 * (about 9 kB gzipped) into every page that shows one, and the users page must stay within its
 * JavaScript budget. It opens on hover (after a delay) and at once on keyboard focus, stays while
 * the pointer is over it, and closes on Escape, blur, leave or scroll (WCAG 1.4.13). The bubble
 * is visual: give the trigger the same text as its accessible description (aria-describedby).
 */
interface TooltipState {
  /** Where the trigger was when the tooltip opened; null while closed. */
  anchor: DOMRect | null;
  triggerRef: React.RefObject<HTMLElement | null>;
  open: (delayMs: number) => void;
  close: (delayMs: number) => void;
}

const TooltipContext = React.createContext<TooltipState | null>(null);

function useTooltip(): TooltipState {
  const state = React.useContext(TooltipContext);
  if (!state) throw new Error("Tooltip parts must be inside <Tooltip>.");
  return state;
}

export function Tooltip({ children }: { children: React.ReactNode }) {
  const [anchor, setAnchor] = React.useState<DOMRect | null>(null);
  const triggerRef = React.useRef<HTMLElement | null>(null);
  const timer = React.useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const state = React.useMemo<TooltipState>(() => {
    const after = (delayMs: number, update: () => void) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(update, delayMs);
    };
    return {
      anchor,
      triggerRef,
      open: (delayMs) => after(delayMs, () => setAnchor(triggerRef.current?.getBoundingClientRect() ?? null)),
      close: (delayMs) => after(delayMs, () => setAnchor(null)),
    };
  }, [anchor]);

  React.useEffect(() => () => clearTimeout(timer.current), []);
  React.useEffect(() => {
    if (!anchor) return;
    const onKey = (event: KeyboardEvent) => (event.key === "Escape" ? setAnchor(null) : undefined);
    const onScroll = () => setAnchor(null);
    document.addEventListener("keydown", onKey);
    window.addEventListener("scroll", onScroll, true);
    return () => {
      document.removeEventListener("keydown", onKey);
      window.removeEventListener("scroll", onScroll, true);
    };
  }, [anchor]);

  return <TooltipContext.Provider value={state}>{children}</TooltipContext.Provider>;
}

const HOVER_DELAY_MS = 200;
/** Time to move the pointer from the trigger onto the bubble without it closing. */
const LEAVE_GRACE_MS = 120;

/** Renders its only child (a focusable control) with the tooltip's handlers; no wrapper element. */
export function TooltipTrigger({ children }: { children: React.ReactElement }) {
  const { open, close, triggerRef } = useTooltip();
  return (
    <Slot
      data-slot="tooltip-trigger"
      ref={triggerRef}
      onPointerEnter={() => open(HOVER_DELAY_MS)}
      onPointerLeave={() => close(LEAVE_GRACE_MS)}
      onFocus={() => open(0)}
      onBlur={() => close(0)}
    >
      {children}
    </Slot>
  );
}

const GAP_PX = 6;

export function TooltipContent({
  className,
  children,
  side = "top",
}: {
  className?: string;
  children: React.ReactNode;
  side?: "left" | "top";
}) {
  const { anchor, open, close } = useTooltip();
  if (!anchor) return null;
  const style: React.CSSProperties =
    side === "left"
      ? { top: anchor.top + anchor.height / 2, left: anchor.left - GAP_PX, transform: "translate(-100%, -50%)" }
      : { top: anchor.top - GAP_PX, left: anchor.left + anchor.width / 2, transform: "translate(-50%, -100%)" };
  return createPortal(
    <div
      data-slot="tooltip-content"
      role="tooltip"
      style={style}
      className={cn("fixed z-50 w-max max-w-xs rounded-md bg-foreground px-3 py-1.5 text-xs text-background shadow-md", className)}
      onPointerEnter={() => open(0)}
      onPointerLeave={() => close(LEAVE_GRACE_MS)}
    >
      {children}
    </div>,
    document.body,
  );
}
