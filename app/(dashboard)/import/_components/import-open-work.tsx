"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo } from "react";
import { openWorkQuery } from "@/lib/client/open-work";
import type { MatchReportDto } from "@/lib/offboarding/match-leavers";
import { OpenWorkPanel, type OpenWorkState } from "../../_components/status-change/open-work-panel";

/**
 * The import preview's open work (issue 16): everyone the run would deactivate (System
 * Administrators too), counted with the batched check, blocked people first. The confirm dialog
 * shows it again, and the server checks it once more when the job is made.
 */
export function ImportOpenWork({ report }: { report: MatchReportDto }) {
  const t = useTranslations("statusChange.openWork");
  const ids = useMemo(() => [...report.userIds, ...report.adminIds], [report]);
  const names = useMemo(
    () => new Map(report.lines.flatMap((line) => (line.user ? [[line.user.id, line.user.name] as const] : []))),
    [report],
  );
  const query = useQuery({ ...openWorkQuery(ids), enabled: ids.length > 0 });
  if (ids.length === 0) return null;
  const state: OpenWorkState = query.isPending
    ? { status: "pending" }
    : query.isError
      ? { status: "failed", error: query.error }
      : { status: "done", people: query.data ?? [] };
  return (
    <section aria-labelledby="import-open-work" className="space-y-2">
      <h3 id="import-open-work" className="font-medium">
        {t("heading")}
      </h3>
      <OpenWorkPanel state={state} names={names} />
    </section>
  );
}
