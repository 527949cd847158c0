import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/client/fetch-json";
import { userKeys } from "@/lib/client/users-api";

/** The values the filters offer (GET /api/users/facets); a type only, so no server code is imported. */
export interface FacetOptionDto {
  value: string;
  label: string | null;
  count: number;
}
export type FacetsDto = Record<"license" | "accessLevel" | "group" | "company" | "manager", FacetOptionDto[]>;

export function facetsQuery() {
  return queryOptions({
    // Under the users key, so Refresh and every status change mark it stale with the lists.
    queryKey: [...userKeys.all, "facets"] as const,
    queryFn: ({ signal }) => fetchJson<FacetsDto>("/api/users/facets", { signal }),
    staleTime: 60_000,
  });
}
