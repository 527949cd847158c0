import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { formats } from "./formats";
import { catalogues } from "./messages";
import { requestLocale } from "./request-locale";

/**
 * next-intl's per-request configuration (wired in next.config.js): language, texts, formats, and
 * the moment of the request, which the browser hydrates relative times with (lib/client/use-client-now.ts).
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  return { locale, messages: catalogues[locale], formats, timeZone: env().APP_TIME_ZONE, now: new Date() };
});
