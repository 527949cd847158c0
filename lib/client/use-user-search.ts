import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { appendFilterParams, parseUserFilters } from "./user-filters";
import { type UserSearch, parseUserSearch, toSearchParams, withChange } from "./user-search";

/**
 * The users view state, kept in the URL so a view can be shared and survives a reload.
 *
 * It writes with `history.replaceState`, which the App Router syncs into `useSearchParams`
 * without a server round trip: `router.replace` would re-render the server page (and re-check
 * the session) on every debounced keystroke, for data the client fetches anyway. Replace, not
 * push: a search or a page turn is not a place the Back button should step through.
 */
export function useUserSearch(): [UserSearch, (change: Partial<UserSearch>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const search = useMemo(() => parseUserSearch(new URLSearchParams(searchParams.toString())), [searchParams]);

  const update = useCallback(
    (change: Partial<UserSearch>) => {
      // Read the address bar now, not the render's copy: a debounced search and a click can race.
      const params = new URLSearchParams(window.location.search);
      const current = parseUserSearch(params);
      // The filters (use-user-filters.ts) share the address bar and stay as they are.
      const query = appendFilterParams(toSearchParams(withChange(current, change)), parseUserFilters(params)).toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );

  return [search, update];
}
