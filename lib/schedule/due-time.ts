import { dayIn, endOfDay, offsetAt, zonedParts } from "@/lib/time/zoned-day";

/**
 * When a scheduled deactivation is due, from what a person picks: a day (YYYY-MM-DD) and maybe a
 * time of day (HH:MM) on the organisation's wall clock (APP_TIME_ZONE). Without a time: the end
 * of that day in the zone, whatever its length (23 or 25 hours on a daylight-saving change).
 * Pure and Intl-only, so the browser and the server compute the same instant.
 */
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isCalendarDay(day: string): boolean {
  const match = DAY.exec(day);
  if (!match) return false;
  const [year, month, date] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, date));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === date;
}

export function isTimeOfDay(time: string): boolean {
  return TIME.test(time);
}

/**
 * The instant a wall time names in the zone. A time the clock skips (02:30 in Berlin on the
 * last Sunday of March) is read with the offset from before the change: 03:30 on the new clock,
 * never earlier than asked. A time the clock shows twice (02:30 on the last Sunday of October)
 * is its second, later occurrence.
 */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hours, minutes);
  // The zone's offsets either side of the wall time (changes are hours apart, never within 12 h twice).
  const before = offsetAt(wall - 12 * 3_600_000, timeZone);
  const after = offsetAt(wall + 12 * 3_600_000, timeZone);
  const fits = [wall - before, wall - after].filter((instant) => wallTime(new Date(instant), timeZone) === time && dayIn(new Date(instant), timeZone) === day);
  return new Date(fits.length > 0 ? Math.max(...fits) : wall - before);
}

/** `day` at `time` in the zone, or the end of that day when no time is given. */
export function dueAtFor(input: { day: string; time?: string | null }, timeZone: string): Date {
  if (!isCalendarDay(input.day)) throw new RangeError(`Not a calendar day: ${input.day}`);
  if (!input.time) return endOfDay(input.day, timeZone);
  if (!isTimeOfDay(input.time)) throw new RangeError(`Not a time of day: ${input.time}`);
  return zonedInstant(input.day, input.time, timeZone);
}

/** The wall time (HH:MM) of an instant in the zone. */
export function wallTime(instant: Date, timeZone: string): string {
  const parts = zonedParts(instant, timeZone);
  return `${parts.hour}:${parts.minute}`;
}

/**
 * A last day as HR writes it: ISO `2026-12-31`, German `31.12.2026` (also `31.12.26`, `1.2.2026`),
 * or an ISO date-time whose date part is taken. Null when it is not a real calendar day.
 */
export function parseLastDay(text: string): string | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value);
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(value);
  let day: string | null = null;
  if (iso) day = `${iso[1]}-${iso[2]}-${iso[3]}`;
  else if (german) {
    const year = german[3]!.length === 2 ? `20${german[3]}` : german[3]!;
    day = `${year}-${german[2]!.padStart(2, "0")}-${german[1]!.padStart(2, "0")}`;
  }
  return day && isCalendarDay(day) ? day : null;
}
