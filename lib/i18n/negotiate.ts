import { DEFAULT_LOCALE, LOCALES, type Locale } from "./locales";

/**
 * The best of our locales for an Accept-Language header (RFC 9110 §12.5.4): the highest q wins,
 * earlier entries win ties, `de-AT` counts as `de`, and `*` or nothing we speak means the default.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale {
  if (!acceptLanguage) return DEFAULT_LOCALE;
  const ranked = acceptLanguage
    .slice(0, 1000)
    .split(",")
    .map((entry, index) => {
      const [range = "", ...params] = entry.trim().split(";");
      // A malformed weight drops the entry (NaN), rather than counting as the default 1.
      const weight = params.map((param) => param.trim()).find((param) => /^q=/i.test(param));
      const q = weight === undefined ? 1 : /^q=(0(\.\d{0,3})?|1(\.0{0,3})?)$/i.test(weight) ? Number(weight.slice(2)) : Number.NaN;
      return { language: range.trim().toLowerCase().split("-")[0] ?? "", q, index };
    })
    .filter((entry) => entry.q > 0 && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { language } of ranked) {
    const match = LOCALES.find((locale) => locale === language);
    if (match) return match;
  }
  return DEFAULT_LOCALE;
}
