/** The request header the proxy sets to the page's path and query, so a page can send a signed-out reader back to it. */
export const PAGE_PATH_HEADER = "x-wf-page-path";

/**
 * Where to go after signing in: a path on this site only. "//host" and "/\host" are read by
 * browsers as another host, so they (and anything else that would leave the site) go to /users.
 */
export function safeNextPath(callbackUrl: string | undefined): string {
  const fallback = "/users";
  if (!callbackUrl?.startsWith("/") || callbackUrl.startsWith("//") || /[\\\u0000-\u001f]/.test(callbackUrl)) return fallback;
  const base = "http://same.invalid";
  const resolved = new URL(callbackUrl, base);
  return resolved.origin === base ? `${resolved.pathname}${resolved.search}${resolved.hash}` : fallback;
}
