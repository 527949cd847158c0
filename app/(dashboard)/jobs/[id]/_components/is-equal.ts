import type { JobItemsSearch } from "@/lib/client/job-search";

/** The server's first answer serves only the view it was read for. */
export function isEqual(a: JobItemsSearch, b: JobItemsSearch): boolean {
  return a.state === b.state && a.page === b.page;
}
