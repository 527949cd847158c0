"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { SimplePager } from "@/components/ui/simple-pager";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { MatchLineDto, MatchReportDto } from "@/lib/offboarding/match-leavers";
import { matchReason } from "./match-reason";
import { matchVariants } from "./match-words";

/** A file may have 10,000 lines: they are shown a page at a time. */
const PAGE_SIZE = 100;

function Person({ line }: { line: MatchLineDto }) {
  if (line.user) {
    return (
      <>
        <span className="block font-medium">{line.user.name}</span>
        <span className="block break-all text-muted-foreground">{line.user.email ?? line.user.username ?? ""}</span>
      </>
    );
  }
  if (line.candidates) return <>{line.candidates.map((candidate) => candidate.name).join(", ")}</>;
  return <span className="text-muted-foreground">—</span>;
}

/** Every line of the list with its result and why: nothing is skipped without saying so. */
export function MatchLinesTable({ lines, column, lastDayColumn = null }: { lines: MatchLineDto[]; column: MatchReportDto["column"]; lastDayColumn?: MatchReportDto["lastDayColumn"] }) {
  const t = useTranslations("bulk");
  const ts = useTranslations("schedule.when");
  const format = useFormatter();
  const reasons = useTranslations("bulk.reasons");
  const [page, setPage] = useState(1);
  const rows = lines.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  /** The person's last day as read, and what it means for them: scheduled, now, or a file to fix. */
  const lastDayText = (line: MatchLineDto) => {
    const lastDay = line.lastDay;
    if (!lastDay) return "";
    if (!lastDay.day) return ts("lastDayUnreadable", { text: lastDay.text });
    // The calendar day as written: noon UTC stays that day in every zone the reader may be in.
    const day = format.dateTime(new Date(`${lastDay.day}T12:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
    return lastDay.past ? ts("lastDayPast", { day }) : ts("lastDayAhead", { day });
  };
  return (
    <div className="space-y-3">
      <Table aria-label={t("preview.table")}>
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead scope="col">{t("preview.columns.line")}</TableHead>
            <TableHead scope="col">{t("preview.columns.value")}</TableHead>
            <TableHead scope="col">{t("preview.columns.result")}</TableHead>
            <TableHead scope="col">{t("preview.columns.person")}</TableHead>
            <TableHead scope="col">{t("preview.columns.details")}</TableHead>
            {lastDayColumn ? <TableHead scope="col">{ts("lastDay")}</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((line, index) => (
            // A line may hold several people (an Outlook address line): the line number alone repeats.
            <TableRow key={`${line.line}:${line.value ?? index}`}>
              <th scope="row" className="px-3 py-2 text-left align-middle font-medium tabular-nums">
                {line.line}
              </th>
              <TableCell className="max-w-64 break-all">{line.value ?? ""}</TableCell>
              <TableCell>
                <Badge variant={matchVariants[line.state]}>{t(`states.${line.state}`)}</Badge>
              </TableCell>
              <TableCell>
                <Person line={line} />
              </TableCell>
              <TableCell className="max-w-96 text-sm">{matchReason(reasons, line, column) ?? ""}</TableCell>
              {lastDayColumn ? <TableCell className="text-sm">{lastDayText(line)}</TableCell> : null}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <SimplePager page={page} pageSize={PAGE_SIZE} total={lines.length} summary={(range) => t("preview.pager", range)} onPage={setPage} />
    </div>
  );
}
