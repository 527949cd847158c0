import { type NextRequest, NextResponse } from "next/server";
import { PAGE_PATH_HEADER } from "@/lib/auth/next-path";
import { STRICT_TRANSPORT_SECURITY, newNonce, pageContentSecurityPolicy } from "@/lib/http/security-headers";

/**
 * Pages only (see `config`): a Content-Security-Policy with a nonce of this request. Next reads
 * the nonce from the policy on the request and puts it on every script it renders; the same
 * policy goes out on the response. Not for /api (its handlers check everything themselves, and a
 * proxy would copy request bodies), static files or prefetches.
 */
export function proxy(request: NextRequest) {
  const policy = pageContentSecurityPolicy({
    nonce: newNonce(),
    development: process.env.NODE_ENV === "development",
    https: publicUrlIsHttps(),
  });
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  // Whoever is signed out here comes back to this page after signing in (lib/auth/session.ts).
  headers.set(PAGE_PATH_HEADER, `${request.nextUrl.pathname}${request.nextUrl.search}`);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  if (publicUrlIsHttps()) response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  return response;
}

// The proxy is bundled apart from the app, without lib/env (server-only); NEXTAUTH_URL is
// validated there at start-up.
function publicUrlIsHttps(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith("https://") ?? false;
}

export const config = {
  matcher: [
    {
      source: "/((?!api|_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
