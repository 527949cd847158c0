"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useMemo, useState } from "react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { ErrorMessage } from "@/components/error-message";
import { postJson } from "@/lib/client/fetch-json";
import { scheduleListQuery } from "@/lib/client/schedules-api";
import type { ImpactCounts } from "@/lib/offboarding/impact/types";
import { ScheduledTable } from "./scheduled-table";

const OPEN_FOR_IMPACT = new Set(["scheduled", "paused_auth", "held"]);

/**
 * The Scheduled view: filters in the URL (due from/until as days on the organisation's clock,
 * open or all), the list from the API every few seconds, the impact check's current counts for the
 * people still waiting, and a countdown that runs on the database's clock (the list says what
 * `now()` was when it was read; the browser only adds the seconds since).
 */
export function ScheduledView({ mayChange }: { mayChange: boolean }) {
  const t = useTranslations("schedule.view");
  const router = useRouter();
  const pathname = usePathname();
  const search = useSearchParams();
  const params = useMemo(() => {
    const next = new URLSearchParams();
    for (const key of ["from", "to", "state"]) {
      const value = search.get(key);
      if (value) next.set(key, value);
    }
    return next;
  }, [search]);
  const list = useQuery(scheduleListQuery(params));

  // The database's clock, carried forward by the browser's: offset fixed at each answer.
  const offset = list.data ? new Date(list.data.now).getTime() - list.data.receivedAt : 0;
  const [tick, setTick] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setTick(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);

  const waitingIds = useMemo(
    () => [...new Set((list.data?.schedules ?? []).filter((row) => OPEN_FOR_IMPACT.has(row.state)).map((row) => row.targetId))].sort(),
    [list.data],
  );
  const impact = useQuery({
    queryKey: ["schedules", "impact", waitingIds],
    queryFn: ({ signal }) => postJson<{ people: Record<string, ImpactCounts> }>("/api/users/impact", { userIds: waitingIds }, signal),
    enabled: waitingIds.length > 0,
    staleTime: 60_000,
  });

  function setParam(key: string, value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    router.replace(`${pathname}${next.size ? `?${next}` : ""}`);
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1">
          <Label htmlFor="scheduled-from">{t("from")}</Label>
          <Input id="scheduled-from" type="date" value={params.get("from") ?? ""} onChange={(event) => setParam("from", event.target.value)} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="scheduled-to">{t("to")}</Label>
          <Input id="scheduled-to" type="date" value={params.get("to") ?? ""} onChange={(event) => setParam("to", event.target.value)} />
        </div>
        <div className="grid gap-1">
          <Label htmlFor="scheduled-state">{t("show")}</Label>
          <NativeSelect id="scheduled-state" value={params.get("state") ?? "open"} onChange={(event) => setParam("state", event.target.value === "open" ? "" : event.target.value)}>
            <option value="open">{t("showOpen")}</option>
            <option value="all">{t("showAll")}</option>
          </NativeSelect>
        </div>
      </div>
      {list.isPending ? (
        <p role="status" className="text-sm text-muted-foreground">
          {t("loading")}
        </p>
      ) : list.isError ? (
        <Alert variant="destructive">
          <AlertTitle>{t("failed")}</AlertTitle>
          <AlertDescription>
            <ErrorMessage error={list.error} />
          </AlertDescription>
        </Alert>
      ) : list.data.schedules.length === 0 ? (
        <p className="text-sm text-muted-foreground">{t("empty")}</p>
      ) : (
        <ScheduledTable
          rows={list.data.schedules}
          orgZone={list.data.timeZone}
          now={tick + offset}
          impact={impact.data?.people ?? null}
          mayChange={mayChange}
          onChanged={() => void list.refetch()}
        />
      )}
    </div>
  );
}
