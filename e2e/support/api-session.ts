import type { APIRequestContext } from "@playwright/test";

/**
 * Signs in over HTTP as a script would (README, JSON API): next-auth's CSRF token, then the
 * credentials callback. The session cookie stays in `request`'s cookie jar. Returns null when
 * signed in, else the error code next-auth answered with (CredentialsSignin, Throttled, …).
 */
export async function apiSignIn(
  request: APIRequestContext,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string | null> {
  return postCredentials(request, await csrfToken(request, headers), email, password, headers);
}

/** next-auth's CSRF token (and its cookie, in the jar). Fetch it once before parallel sign-ins. */
export async function csrfToken(request: APIRequestContext, headers: Record<string, string> = {}): Promise<string> {
  return ((await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string }).csrfToken;
}

export async function postCredentials(
  request: APIRequestContext,
  token: string,
  email: string,
  password: string,
  headers: Record<string, string> = {},
): Promise<string | null> {
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken: token, email, password, json: "true" },
    maxRedirects: 0,
  });
  const url = new URL(((await response.json()) as { url: string }).url);
  // A refused CSRF token sends the browser back to sign in with ?csrf=true and no error code.
  return url.searchParams.get("error") ?? (url.searchParams.has("csrf") ? "csrf" : null);
}
