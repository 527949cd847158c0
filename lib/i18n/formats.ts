import type { Formats } from "next-intl";

/** Named formats, so every screen shows a date or a number the same way in each language. */
export const formats = {
  dateTime: {
    date: { dateStyle: "medium" },
    dateTime: { dateStyle: "medium", timeStyle: "short" },
    full: { dateStyle: "full", timeStyle: "short" },
    time: { timeStyle: "short" },
  },
  number: {
    integer: { maximumFractionDigits: 0 },
    rate: { maximumFractionDigits: 1 },
  },
} satisfies Formats;
