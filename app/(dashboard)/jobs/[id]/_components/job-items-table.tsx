import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { JobDto, JobItemDto } from "@/lib/jobs/dto";
import { itemStateLabels } from "@/lib/jobs/vocabulary";
import { cn } from "@/lib/utils";
import { doneWords, formatWhen, itemStateVariants } from "../../_components/job-words";

function outcomeLabel(item: JobItemDto, job: JobDto): string {
  if (item.state === "succeeded" || item.state === "already") return doneWords[job.kind][item.state];
  return itemStateLabels[item.state];
}

const COLUMNS = ["Person", "E-mail", "Outcome", "Details", "Attempts", "Finished", "Audit"];

/** One row per person: who, what happened, why (for failures and refusals), and the audit trail. */
export function JobItemsTable({ job, rows, fetching }: { job: JobDto; rows: JobItemDto[] | null; fetching: boolean }) {
  return (
    <Table aria-label="Results per person" aria-busy={rows === null || fetching} className={cn(fetching && "opacity-60 transition-opacity")}>
      <TableHeader>
        <TableRow className="hover:bg-transparent">
          {COLUMNS.map((column) => (
            <TableHead key={column} scope="col">
              {column === "Audit" ? <span className="sr-only">Audit log</span> : column}
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
              Nobody with this outcome.
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
                <Badge variant={itemStateVariants[item.state]}>{outcomeLabel(item, job)}</Badge>
              </TableCell>
              <TableCell className="max-w-96 text-sm">{item.errorMessage ?? ""}</TableCell>
              <TableCell className="tabular-nums">{item.attempts}</TableCell>
              <TableCell className="whitespace-nowrap">{item.finishedAt ? <time dateTime={item.finishedAt}>{formatWhen(item.finishedAt)}</time> : "—"}</TableCell>
              <TableCell>
                <Link href={`/audit?target=${encodeURIComponent(item.targetId)}`} className="text-sm underline underline-offset-4">
                  Audit<span className="sr-only"> log of {item.targetName ?? item.targetId}</span>
                </Link>
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
