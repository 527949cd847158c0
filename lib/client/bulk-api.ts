import type { MatchReportDto } from "@/lib/offboarding/match-leavers";
import type { ResolvedSelectionDto } from "@/lib/offboarding/resolve-selection";
import { postJson } from "./fetch-json";
import type { filtersBody } from "./user-filters";
import type { UserStatus } from "./user-search";

/** "Select all N matching this filter": the server pages through Workfront for everyone. */
export function resolveSelection(filter: { q: string; status: UserStatus } & Partial<ReturnType<typeof filtersBody>>, signal?: AbortSignal): Promise<ResolvedSelectionDto> {
  return postJson<ResolvedSelectionDto>("/api/users/resolve", filter, signal);
}

export type MatchRequest = { text: string; column?: string } | { csv: string; column?: string };

/** The import preview: each line of a leavers list matched on the server. */
export function matchLeavers(request: MatchRequest, signal?: AbortSignal): Promise<MatchReportDto> {
  return postJson<MatchReportDto>("/api/users/match", request, signal);
}
