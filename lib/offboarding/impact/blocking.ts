import { BLOCKING_CATEGORIES, type BlockingEntry, type ImpactCounts } from "./types";

/**
 * The gate's rule (issue 16), shared by the server and the dialogs: what of a person's open work
 * stops their deactivation. Approvals awaiting them and stages they approve alone block; so does a
 * blocking category Workfront would not answer (unknown is not zero: deactivating a sole approver
 * would stall a process, and only a reading can tell). Everything else only warns.
 */
export function blockingOf(counts: ImpactCounts): BlockingEntry[] {
  return BLOCKING_CATEGORIES.flatMap((key): BlockingEntry[] => {
    if (counts.unavailable.includes(key)) return [{ key, count: null }];
    const count = counts.blockingBy?.[key] ?? 0;
    return count > 0 ? [{ key, count }] : [];
  });
}
