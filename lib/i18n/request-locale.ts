import "server-only";
import { cookies, headers } from "next/headers";
import { LOCALE_COOKIE, type Locale, isLocale } from "./locales";
import { negotiateLocale } from "./negotiate";

/**
 * The language of this request: the person's choice (the header switch sets a cookie in this
 * browser), else what the browser asks for in Accept-Language.
 */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
}
