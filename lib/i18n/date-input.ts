import type { Locale } from "./locales";

/**
 * Calendar dates as people type them in each language of the UI, for date fields that follow the
 * UI's language rather than the browser's (a native `<input type="date">` shows the browser's
 * format). English: ISO 8601 (2026-03-29), which no English reader takes for another day (unlike
 * 03/29 and 29/03); German: 29.03.2026. Values travel as ISO dates either way; both forms are read
 * in every language, so a URL typed in one works in the other. Pure: the browser and server share it.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const GERMAN = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;

/** The ISO date (YYYY-MM-DD) a typed date means, or null when it is not a real calendar day. */
export function parseTypedDate(text: string): string | null {
  const value = text.trim();
  const iso = ISO.exec(value);
  const german = iso ? null : GERMAN.exec(value);
  const parts = iso ? [iso[1], iso[2], iso[3]] : german ? [german[3], german[2], german[1]] : null;
  if (!parts) return null;
  const [year, month, day] = parts.map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1000 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/** An ISO date as the language writes it. */
export function formatTypedDate(iso: string, locale: Locale): string {
  const parsed = parseTypedDate(iso);
  if (!parsed) return iso;
  if (locale === "en") return parsed;
  const [year, month, day] = parsed.split("-");
  return `${day}.${month}.${year}`;
}
