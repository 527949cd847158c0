/** The languages of the dashboard. Shared by server and browser code, so nothing server-only here. */
export const LOCALES = ["en", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Remembers a person's choice in this browser (the account remembers it too, once signed in). */
export const LOCALE_COOKIE = "wf-locale";

export const localeNames: Record<Locale, string> = { en: "English", de: "Deutsch" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}
