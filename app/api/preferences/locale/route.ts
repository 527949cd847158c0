import { NextResponse } from "next/server";
import { setAccountLocale } from "@/lib/auth/accounts";
import { getSessionUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { localeBodySchema } from "@/lib/i18n/locale-body";
import { LOCALE_COOKIE } from "@/lib/i18n/locales";
import { otherMethods } from "@/lib/http/methods";

const ONE_YEAR_S = 365 * 24 * 60 * 60;

/**
 * POST /api/preferences/locale { "locale": "de" }: the language switch. Sets a cookie in the
 * caller's browser and, when signed in, remembers the choice on the account for other browsers.
 * Open without a session, so the sign-in page can switch too.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const { locale } = await readJson(request, localeBodySchema, { maxBytes: 1024 });
    const user = await getSessionUser();
    if (user) await setAccountLocale(await getDb(), user.id, locale);
    const response = NextResponse.json({ locale });
    response.cookies.set(LOCALE_COOKIE, locale, {
      path: "/",
      maxAge: ONE_YEAR_S,
      sameSite: "lax",
      httpOnly: true,
      // As the session cookie: Secure when the app's public URL is https (TLS may end at a proxy).
      secure: env().NEXTAUTH_URL?.startsWith("https:") ?? false,
    });
    return response;
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
