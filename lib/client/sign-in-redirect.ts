import { useEffect } from "react";
import { RequestError } from "./fetch-json";

export function isUnauthenticated(error: unknown): boolean {
  return error instanceof RequestError && error.status === 401;
}

/**
 * An expired session: go to sign-in and come back to this exact view afterwards. A full page load
 * rather than a client navigation, so no stale cached data outlives the session.
 */
export function goToSignIn(): void {
  const back = `${window.location.pathname}${window.location.search}`;
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose (see above)
  window.location.assign(`/sign-in?callbackUrl=${encodeURIComponent(back)}`);
}

export function useSignInOnUnauthenticated(...errors: (Error | null)[]): void {
  const expired = errors.some(isUnauthenticated);
  useEffect(() => {
    if (expired) goToSignIn();
  }, [expired]);
}
