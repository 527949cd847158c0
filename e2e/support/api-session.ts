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
  const { csrfToken } = (await (await request.get("/api/auth/csrf", { headers })).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken, email, password, json: "true" },
    maxRedirects: 0,
  });
  const { url } = (await response.json()) as { url: string };
  return new URL(url).searchParams.get("error");
}
