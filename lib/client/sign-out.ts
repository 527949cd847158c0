import { fetchJson } from "./fetch-json";

/**
 * next-auth's sign-out, without `next-auth/react`: that module (with its Babel runtime) would add
 * about 10 kB gzipped to every dashboard page for this one call. Same protocol as its `signOut`:
 * fetch the CSRF token, POST it to /api/auth/signout, then load the page it names.
 */
export async function signOut(callbackUrl: string): Promise<void> {
  const { csrfToken } = await fetchJson<{ csrfToken: string }>("/api/auth/csrf");
  const { url } = await fetchJson<{ url: string }>("/api/auth/signout", {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, callbackUrl, json: "true" }),
  });
  // A full load, so no cached data of the signed-out account stays in memory.
  window.location.href = url;
}
