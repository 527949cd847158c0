import { queryOptions } from "@tanstack/react-query";
import type { ScheduleDto, ScheduleListDto } from "@/lib/schedule/dto";
import type { SchedulePolicy } from "@/lib/schedule/vocabulary";
import { fetchJson, postJson } from "./fetch-json";

/** The browser's side of /api/schedules. */
export interface ScheduleChoice {
  /** YYYY-MM-DD on the organisation's clock; without `time`, the end of that day. */
  day: string;
  time?: string;
  policy: SchedulePolicy;
}

export const scheduleKeys = {
  all: ["schedules"] as const,
  list: (params: string) => [...scheduleKeys.all, "list", params] as const,
};

export function scheduleListQuery(params: URLSearchParams) {
  const key = params.toString();
  return queryOptions({
    queryKey: scheduleKeys.list(key),
    // When the answer arrived by the browser's clock: the countdown runs on the database's clock
    // (`now` in the answer) carried forward by the seconds since.
    queryFn: async ({ signal }) => ({ ...(await fetchJson<ScheduleListDto>(`/api/schedules?${key}`, { signal })), receivedAt: Date.now() }),
    // The state changes by itself at the due time: look again every few seconds.
    refetchInterval: 3_000,
  });
}

export function createSchedules(input: {
  people: { userId: string; day?: string; time?: string }[];
  when?: { day: string; time?: string };
  policy: SchedulePolicy;
  reason: string;
  ticket?: string;
  sourceName?: string;
}) {
  return postJson<{ schedules: ScheduleDto[] }>("/api/schedules", {
    ...input,
    ...(input.ticket ? { ticket: input.ticket } : { ticket: undefined }),
  });
}

export function editSchedule(id: string, changes: { when?: { day: string; time?: string }; policy?: SchedulePolicy; reason?: string; ticket?: string | null }) {
  return fetchJson<{ schedule: ScheduleDto }>(`/api/schedules/${encodeURIComponent(id)}`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(changes),
  });
}

export function cancelSchedule(id: string) {
  return postJson<{ schedule: ScheduleDto }>(`/api/schedules/${encodeURIComponent(id)}/cancel`, {});
}
