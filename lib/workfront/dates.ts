/**
 * Workfront writes dates as `2024-01-31T10:00:00:000-0700`: a colon before the milliseconds and no
 * colon in the offset, which `Date` cannot parse. Event payloads use a dot instead of that colon.
 */
const WORKFRONT_DATE = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:[:.](\d{1,3}))?(Z|[+-]\d{2}:?\d{2})?$/;

/** Converts a Workfront date to an ISO-8601 UTC string; `null` for null, empty or unparseable input. */
export function parseWorkfrontDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = WORKFRONT_DATE.exec(value);
  if (!match) return null;
  const [, dateTime, millis = "0", offset = "Z"] = match;
  const normalizedOffset = offset === "Z" ? "Z" : `${offset.slice(0, 3)}:${offset.slice(-2)}`;
  const parsed = new Date(`${dateTime}.${millis.padEnd(3, "0")}${normalizedOffset}`);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString();
}
