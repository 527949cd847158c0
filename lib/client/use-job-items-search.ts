import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { type JobItemsSearch, parseJobItemsSearch, toJobItemsParams } from "./job-search";

/**
 * The job page's outcome filter and page, kept in the URL (replaceState, as on the users page:
 * the client fetches the data itself, so no server round trip is wanted).
 */
export function useJobItemsSearch(): [JobItemsSearch, (change: Partial<JobItemsSearch>) => void] {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const search = useMemo(() => parseJobItemsSearch(new URLSearchParams(searchParams.toString())), [searchParams]);
  const update = useCallback(
    (change: Partial<JobItemsSearch>) => {
      const current = parseJobItemsSearch(new URLSearchParams(window.location.search));
      // A new filter starts again at its first page.
      const next = { ...current, ...change, ...("state" in change && !("page" in change) ? { page: 1 } : {}) };
      const query = toJobItemsParams(next).toString();
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return [search, update];
}
