"use client";

import Link from "next/link";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ImpactCounts } from "@/lib/offboarding/impact/types";
import type { ScheduleDto } from "@/lib/schedule/dto";
import type { ScheduleState } from "@/lib/schedule/vocabulary";
import { formatDuration } from "./countdown";
import { ScheduleCancelDialog } from "./schedule-cancel-dialog";
import { ScheduleEditDialog } from "./schedule-edit-dialog";

const stateVariant: Record<ScheduleState, "default" | "secondary" | "success" | "destructive" | "outline"> = {
  scheduled: "outline",
  running: "default",
  paused_auth: "destructive",
  done: "success",
  failed: "destructive",
  held: "secondary",
  cancelled: "secondary",
};

interface ScheduledTableProps {
  rows: ScheduleDto[];
  orgZone: string;
  /** The database's clock now, in epoch ms. */
  now: number;
  impact: Record<string, ImpactCounts> | null;
  mayChange: boolean;
  onChanged: () => void;
}

export function ScheduledTable({ rows, orgZone, now, impact, mayChange, onChanged }: ScheduledTableProps) {
  const t = useTranslations("schedule");
  const locale = useLocale();
  const [editing, setEditing] = useState<ScheduleDto | null>(null);
  const [cancelling, setCancelling] = useState<ScheduleDto | null>(null);
  // The reader's zone is the browser's; the organisation's is APP_TIME_ZONE (what "end of day" meant).
  const reader = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium" });
  const org = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone: orgZone });
  const readerZone = reader.resolvedOptions().timeZone;
  return (
    <>
      <Table>
        <TableCaption>{t("view.caption", { count: rows.length })}</TableCaption>
        <TableHeader>
          <TableRow>
            <TableHead>{t("view.person")}</TableHead>
            <TableHead>{t("view.due")}</TableHead>
            <TableHead>{t("view.countdown")}</TableHead>
            <TableHead>{t("view.by")}</TableHead>
            <TableHead>{t("view.why")}</TableHead>
            <TableHead>{t("view.impact")}</TableHead>
            <TableHead>{t("view.state")}</TableHead>
            {mayChange ? <TableHead>{t("view.actions")}</TableHead> : null}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => {
            const due = new Date(row.dueAt);
            const left = due.getTime() - now;
            const counts = impact?.[row.targetId];
            const name = row.targetName ?? row.targetEmail ?? row.targetId;
            return (
              <TableRow key={row.id} data-schedule-id={row.id}>
                <TableCell>
                  <Link href={`/users/${row.targetId}`} className="font-medium underline-offset-4 hover:underline">
                    {name}
                  </Link>
                  {row.targetEmail ? <span className="block text-xs text-muted-foreground">{row.targetEmail}</span> : null}
                </TableCell>
                <TableCell>
                  <span className="block">{t("view.yourTime", { time: reader.format(due) })}</span>
                  {readerZone !== orgZone ? <span className="block text-xs text-muted-foreground">{t("view.orgTime", { time: org.format(due), zone: orgZone })}</span> : null}
                </TableCell>
                <TableCell className="tabular-nums" data-testid="countdown">
                  {row.state === "scheduled" || row.state === "paused_auth" || row.state === "running" ? (
                    left > 0 ? (
                      t("view.in", { duration: formatDuration(left) })
                    ) : (
                      <span>{t("view.dueNow")}</span>
                    )
                  ) : null}
                  {row.overdue ? (
                    <Badge variant="destructive" className="ml-2">
                      {t("view.overdue")}
                    </Badge>
                  ) : null}
                  {row.late && row.state === "done" ? <span className="text-xs text-muted-foreground">{t("view.late")}</span> : null}
                </TableCell>
                <TableCell>{row.createdByEmail}</TableCell>
                <TableCell>
                  <span className="block">{row.reason}</span>
                  {row.ticket ? <span className="block text-xs text-muted-foreground">{t("view.ticket", { ticket: row.ticket })}</span> : null}
                  <span className="block text-xs text-muted-foreground">{t(`policies.${row.policy}`)}</span>
                </TableCell>
                <TableCell className="tabular-nums">
                  {counts ? t("view.impactCounts", { total: counts.total, blocking: counts.blocking }) : <span className="text-muted-foreground">{t("view.impactUnknown")}</span>}
                </TableCell>
                <TableCell>
                  <Badge variant={stateVariant[row.state]}>{t(`states.${row.state}`)}</Badge>
                  {row.lastError && row.state !== "done" ? <span className="block text-xs text-muted-foreground">{row.lastError.code}</span> : null}
                </TableCell>
                {mayChange ? (
                  <TableCell>
                    {row.actions.edit ? (
                      <div className="flex flex-wrap gap-2">
                        <Button size="sm" variant="outline" onClick={() => setEditing(row)} aria-label={`${t("view.edit")}: ${name}`}>
                          {t("view.edit")}
                        </Button>
                        <Button size="sm" variant="outline" onClick={() => setCancelling(row)} aria-label={`${t("view.cancel")}: ${name}`}>
                          {t("view.cancel")}
                        </Button>
                      </div>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      {editing ? <ScheduleEditDialog schedule={editing} orgZone={orgZone} onClose={() => setEditing(null)} onSaved={onChanged} /> : null}
      {cancelling ? <ScheduleCancelDialog schedule={cancelling} onClose={() => setCancelling(null)} onCancelled={onChanged} /> : null}
    </>
  );
}
