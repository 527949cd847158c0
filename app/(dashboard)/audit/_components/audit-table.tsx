import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEvent } from "@/lib/audit";
import { type AuditOutcome, actionLabels, outcomeDescriptions, outcomeLabels } from "@/lib/audit/vocabulary";

const outcomeVariants: Record<AuditOutcome, "success" | "secondary" | "destructive" | "outline"> = {
  succeeded: "success",
  already: "secondary",
  pending: "outline",
  failed: "destructive",
  refused: "destructive",
};

const timeFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" });

function detailOf(row: AuditEvent): string | null {
  if (row.outcome === "refused") return row.refusedReason;
  if (row.outcome === "failed") return [row.errorCode, row.errorMessage].filter(Boolean).join(": ");
  return null;
}

export function AuditTable({ rows }: { rows: AuditEvent[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead scope="col">Time (UTC)</TableHead>
          <TableHead scope="col">Actor</TableHead>
          <TableHead scope="col">Action</TableHead>
          <TableHead scope="col">User</TableHead>
          <TableHead scope="col">Reason</TableHead>
          <TableHead scope="col">Ticket</TableHead>
          <TableHead scope="col">Outcome</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={7} className="py-10 text-center text-muted-foreground">
              No audit entries match these filters.
            </TableCell>
          </TableRow>
        ) : (
          rows.map((row) => (
            <TableRow key={row.id}>
              <TableCell className="whitespace-nowrap">{timeFormat.format(row.occurredAt)}</TableCell>
              <TableCell>{row.actorEmail}</TableCell>
              <TableCell>{actionLabels[row.action]}</TableCell>
              <TableCell>
                <div className="font-medium">{row.targetName}</div>
                <div className="text-xs text-muted-foreground">{row.targetEmail ?? row.targetId}</div>
              </TableCell>
              <TableCell className="max-w-xs break-words">{row.reason}</TableCell>
              <TableCell>{row.ticket}</TableCell>
              <TableCell>
                <Badge variant={outcomeVariants[row.outcome]} title={outcomeDescriptions[row.outcome]}>
                  {outcomeLabels[row.outcome]}
                </Badge>
                {detailOf(row) ? <div className="mt-1 max-w-xs text-xs text-muted-foreground">{detailOf(row)}</div> : null}
              </TableCell>
            </TableRow>
          ))
        )}
      </TableBody>
    </Table>
  );
}
