/**
 * The days `npm run test:e2e:days` anchors the emulator's history at: today's issue day, a new
 * year, both European daylight-saving changes, midsummer and a leap day.
 */
export const DEFAULT_ANCHOR_DAYS = ["2026-12-06", "2027-01-01", "2027-03-28", "2027-07-15", "2027-10-31", "2028-02-29"];

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day as YYYY-MM-DD, refused when it is no real day (2027-02-29). */
export function isAnchorDay(text: string): boolean {
  const match = DAY.exec(text);
  if (!match) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The days named on the command line, else the defaults; throws naming a day that is not one. */
export function anchorDays(args: string[]): string[] {
  const days = args.filter((arg) => !arg.startsWith("-"));
  const bad = days.filter((day) => !isAnchorDay(day));
  if (bad.length) throw new Error(`Not a day (YYYY-MM-DD): ${bad.join(", ")}`);
  return days.length ? days : DEFAULT_ANCHOR_DAYS;
}
