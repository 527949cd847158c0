import type { Locale } from "../locales";
import de from "./de";
import en from "./en";

/** English is the reference catalogue: its shape types every `t()` key (see lib/i18n/next-intl.d.ts). */
export type Messages = typeof en;

// Typed as Messages, so a key missing from German fails the type check; the catalogue test also
// catches keys German has and English lacks, and placeholders that differ.
export const catalogues: Record<Locale, Messages> = { en, de };
