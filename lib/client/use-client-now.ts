"use client";

import { useNow } from "next-intl";
import { useEffect, useState, useSyncExternalStore } from "react";

const noSubscription = () => () => {};

/**
 * "Now" for relative times ("3 minutes ago") in client components. While React hydrates the
 * server's HTML it is the moment the server rendered it (the request's `now`, lib/i18n/request.ts),
 * so both render the same words even when the browser's clock is off; from then on it is the
 * browser's clock: the moment the component mounted, and again every `updateIntervalMs` if given.
 */
export function useClientNow(updateIntervalMs?: number): Date {
  const renderedAt = useNow();
  // True on the server and while hydrating, false afterwards and for anything mounted later.
  const hydrating = useSyncExternalStore(noSubscription, () => false, () => true);
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    if (!updateIntervalMs) return;
    const timer = setInterval(() => setNow(new Date()), updateIntervalMs);
    return () => clearInterval(timer);
  }, [updateIntervalMs]);
  return hydrating ? renderedAt : now;
}
