import type { formats } from "./formats";
import type { Locale } from "./locales";
import type { Messages } from "./messages";

// Types every `useTranslations`/`getTranslations` key and every named format against the English
// catalogue: a typo or a missing key is a type error, not an English fallback at run time.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
    Formats: typeof formats;
  }
}
