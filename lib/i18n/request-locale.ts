import "server-only";
import { cookies, headers } from "next/headers";
import { getSessionUser } from "@/lib/auth/session";
import { LOCALE_COOKIE, type Locale, isLocale } from "./locales";
import { negotiateLocale } from "./negotiate";

/**
 * The language of this request: the person's choice — in this browser's cookie, else remembered
 * on their account (a new browser, after signing in) — else what the browser asks for.
 */
export async function requestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  // Shares the render's one session lookup (React cache) with the layout and the page.
  const remembered = (await getSessionUser())?.locale;
  if (remembered) return remembered;
  return negotiateLocale((await headers()).get("accept-language"));
}
