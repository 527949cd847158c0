import { useFormatter, useTimeZone, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/lib/audit";
import type { AuditOutcome } from "@/lib/audit/vocabulary";
import { JobLink } from "./audit-more-filters";
import { ChangeNote } from "./change-note";
import { OpenWorkNote } from "./open-work-note";
import { refusalCodeOf } from "./refusal";

const outcomeVariants: Record<AuditOutcome, "success" | "secondary" | "destructive" | "outline"> = {
  succeeded: "success",
  already: "secondary",
  pending: "outline",
  failed: "destructive",
  refused: "destructive",
};

/** Why a change was refused or failed: translated where its code is known, the record as detail. */
function Detail({ row }: { row: AuditEvent }) {
  const t = useTranslations();
  let message: string | null = null;
  let detail: string | null = null;
  if (row.outcome === "refused") {
    const code = row.refusedCode ?? refusalCodeOf(row.refusedReason);
    message = code ? t(`bulk.reasons.protected.${code}`) : row.refusedReason;
  } else if (row.outcome === "failed") {
    // The log's own codes (a crash interrupted the call) first, then the codes jobs and single actions share.
    const key = [`audit.errorCodes.${row.errorCode}`, `jobs.itemErrors.${row.errorCode}`].find(
      (candidate) => row.errorCode !== null && t.has(candidate as Parameters<typeof t.has>[0]),
    );
    const known = key !== undefined;
    message = known ? t(key as Parameters<typeof t>[0]) : [row.errorCode, row.errorMessage].filter(Boolean).join(": ");
    detail = known ? row.errorMessage : null;
  }
  if (!message) return null;
  return (
    <div className="mt-1 max-w-xs text-xs text-muted-foreground">
      <span className="block">{message}</span>
      {detail && detail !== message ? <span className="block">{t("common.errorDetail", { message: detail })}</span> : null}
    </div>
  );
}

export function AuditTable({ rows }: { rows: AuditEvent[] }) {
  const t = useTranslations("audit");
  const format = useFormatter();
  const timeZone = useTimeZone() ?? "UTC";
  return (
    <Table aria-label={t("table.label")}>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">{t("table.columns.time", { timeZone })}</TableHead>
          <TableHead scope="col">{t("table.columns.actor")}</TableHead>
          <TableHead scope="col">{t("table.columns.action")}</TableHead>
          <TableHead scope="col">{t("table.columns.user")}</TableHead>
          <TableHead scope="col">{t("table.columns.reason")}</TableHead>
          <TableHead scope="col">{t("table.columns.ticket")}</TableHead>
          <TableHead scope="col">{t("table.columns.outcome")}</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={7} className="py-10 text-center text-muted-foreground">
              {t("table.empty")}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="whitespace-nowrap">
                <time dateTime={row.occurredAt.toISOString()}>{format.dateTime(row.occurredAt, { dateStyle: "medium", timeStyle: "medium" })}</time>
              </TableCell>
              <TableCell>
                {row.actorEmail}
                {row.actorTokenId ? <div className="mt-1 text-xs text-muted-foreground">{t("table.viaToken")}</div> : null}
              </TableCell>
              <TableCell>
                {t(`actions.${row.action}`)}
                {row.overriddenProtection ? <div className="mt-1 max-w-40 text-xs text-muted-foreground">{t("table.overridden")}</div> : null}
                <OpenWorkNote openWork={row.openWork} />
                <ChangeNote change={row.change} />
              </TableCell>
              <TableCell>
                <div className="font-medium">{row.targetName}</div>
                <div className="text-xs text-muted-foreground">{row.targetEmail ?? row.targetId}</div>
              </TableCell>
              <TableCell className="max-w-xs break-words">
                {row.reason}
                <JobLink jobId={row.jobId} />
              </TableCell>
              <TableCell>{row.ticket}</TableCell>
              <TableCell>
                <Badge variant={outcomeVariants[row.outcome]} title={t(`outcomeDescriptions.${row.outcome}`)}>
                  {t(`outcomes.${row.outcome}`)}
                </Badge>
                <Detail row={row} />
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
