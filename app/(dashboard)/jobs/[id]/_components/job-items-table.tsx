"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobDto, JobItemDto } from "@/lib/jobs/dto";
import { cn } from "@/lib/utils";
import { itemStateVariants, useJobWords } from "../../_components/job-words";
import { ItemError } from "./item-error";

const COLUMNS = ["person", "email", "outcome", "details", "attempts", "finished", "audit"] as const;

/** One row per person: who, what happened, why (for failures and refusals), and the audit trail. */
export function JobItemsTable({ job, rows, fetching }: { job: JobDto; rows: JobItemDto[] | null; fetching: boolean }) {
  const t = useTranslations("jobs");
  const words = useJobWords();
  return (
    <Table aria-label={t("items.table")} aria-busy={rows === null || fetching} className={cn(fetching && "opacity-60 transition-opacity")}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {COLUMNS.map((column) => (
            <TableHead key={column} scope="col">
              {column === "audit" ? <span className="sr-only">{t("items.columns.audit")}</span> : t(`items.columns.${column}`)}
            </TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows === null ? (
          Array.from({ length: 5 }, (_, index) => (
            <TableRow key={index} data-skeleton>
              {COLUMNS.map((column) => (
                <TableCell key={column}>
                  <Skeleton className="h-5 w-full min-w-12" />
                </TableCell>
              ))}
            </TableRow>
          ))
        ) : rows.length === 0 ? (
          <TableRow className="hover:bg-transparent">
            <TableCell colSpan={COLUMNS.length} className="h-20 text-center text-muted-foreground">
              {t("items.empty")}
            </TableCell>
          </TableRow>
        ) : (
          rows.map((item) => (
            <TableRow key={item.id}>
              <th scope="row" className="px-3 py-2 text-left align-middle font-medium">
                {item.targetName ?? item.targetId}
              </th>
              <TableCell className="break-all">{item.targetEmail ?? "—"}</TableCell>
              <TableCell>
                <Badge variant={itemStateVariants[item.state]}>{t(`outcome.${item.state}`, { kind: job.kind })}</Badge>
              </TableCell>
              <TableCell className="max-w-96 text-sm">
                <ItemError item={item} />
              </TableCell>
              <TableCell className="tabular-nums">{item.attempts}</TableCell>
              <TableCell className="whitespace-nowrap">
                {item.finishedAt ? (
                  <time dateTime={item.finishedAt} title={words.fullWhen(item.finishedAt)}>
                    {words.when(item.finishedAt)}
                  </time>
                ) : (
                  "—"
                )}
              </TableCell>
              <TableCell>
                <Link href={`/audit?target=${encodeURIComponent(item.targetId)}`} className="text-sm underline underline-offset-4">
                  {t.rich("items.auditLink", {
                    name: item.targetName ?? item.targetId,
                    hidden: (chunks) => <span className="sr-only">{chunks}</span>,
                  })}
                </Link>
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
