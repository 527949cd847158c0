import { queryOptions } from "@tanstack/react-query";
import { blockingOf } from "@/lib/offboarding/impact/blocking";
import type { BlockingEntry, ImpactCounts } from "@/lib/offboarding/impact/types";
import { postJson } from "./fetch-json";
import { shouldRetry } from "./users-api";

/**
 * The gate's view in the browser (issue 16): many people's open work from the batched check
 * (`POST /api/users/impact`, one report per category per 1,000 people), and who is blocked.
 * The server decides again when the change is sent; this only shows it beforehand.
 */
export interface OpenWorkPerson {
  userId: string;
  counts: ImpactCounts;
  blocking: BlockingEntry[];
}

export function openWorkQuery(userIds: readonly string[]) {
  return queryOptions({
    queryKey: ["open-work", [...userIds].sort()] as const,
    queryFn: async ({ signal }): Promise<OpenWorkPerson[]> => {
      if (userIds.length === 0) return [];
      const { people } = await postJson<{ people: Record<string, ImpactCounts> }>("/api/users/impact", { userIds: [...new Set(userIds)] }, signal);
      return Object.entries(people).map(([userId, counts]) => ({ userId, counts, blocking: blockingOf(counts) }));
    },
    // Open work changes as people reassign it: read it afresh each time the dialog opens.
    staleTime: 0,
    gcTime: 0,
    retry: shouldRetry,
  });
}
