"use client";

import { useFormatter } from "next-intl";
import { useClientNow } from "@/lib/client/use-client-now";

/**
 * Dates in the table, in the reader's language and the app's time zone (APP_TIME_ZONE): short
 * enough for a column, the exact date and time on hover.
 */
export function ShortDate({ iso }: { iso: string }) {
  const format = useFormatter();
  return (
    <time dateTime={iso} title={format.dateTime(new Date(iso), "full")} className="whitespace-nowrap">
      {format.dateTime(new Date(iso), "date")}
    </time>
  );
}

/**
 * How long ago ("3 days ago", "vor 3 Tagen"): what matters when judging whether someone still
 * works here. The exact date is its title and, for screen readers, follows it.
 */
export function TimeAgo({ iso }: { iso: string }) {
  const format = useFormatter();
  // The time the row was first shown: rows are re-rendered when the list is fetched again.
  const now = useClientNow();
  const date = new Date(iso);
  return (
    <time dateTime={iso} title={format.dateTime(date, "full")} className="whitespace-nowrap">
      {format.relativeTime(date, now)}
      <span className="sr-only"> ({format.dateTime(date, "date")})</span>
    </time>
  );
}
