import "server-only";
import { and, sql } from "drizzle-orm";
import { type Database, auditEvents } from "@/lib/db";
import { type AuditFilterInput, auditFilterSchema, auditWhere } from "./filters";
import { newestFirst } from "./list";
import type { AuditEvent } from "./types";

/** Spreadsheets run a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One RFC 4180 field; text that a spreadsheet would evaluate gets a leading apostrophe. */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Parameters<typeof csvCell>[0][]): string {
  return `${cells.map(csvCell).join(",")}\r\n`;
}

/** The export's columns, in order: the header and how each is read from a row. */
const columns: [string, (row: AuditEvent) => Parameters<typeof csvCell>[0]][] = [
  ["id", (row) => row.id],
  ["occurred_at", (row) => row.occurredAt],
  ["completed_at", (row) => row.completedAt],
  ["actor_email", (row) => row.actorEmail],
  ["actor_role", (row) => row.actorRole],
  ["action", (row) => row.action],
  ["target_id", (row) => row.targetId],
  ["target_name", (row) => row.targetName],
  ["target_email", (row) => row.targetEmail],
  ["reason", (row) => row.reason],
  ["ticket", (row) => row.ticket],
  ["outcome", (row) => row.outcome],
  ["error_code", (row) => row.errorCode],
  ["error_message", (row) => row.errorMessage],
  ["refused_reason", (row) => row.refusedReason],
  ["is_active_before", (row) => row.isActiveBefore],
  ["is_active_after", (row) => row.isActiveAfter],
  ["access_level_id", (row) => row.snapshot?.accessLevelId],
  ["access_level", (row) => row.snapshot?.accessLevelName],
  ["license_type", (row) => row.snapshot?.licenseType],
  ["home_group_id", (row) => row.snapshot?.homeGroupId],
  ["home_group", (row) => row.snapshot?.homeGroupName],
  ["request_id", (row) => row.requestId],
  ["client_ip", (row) => row.clientIp],
  ["job_id", (row) => row.jobId],
];

export const AUDIT_CSV_COLUMNS = columns.map(([header]) => header);
export const CSV_PAGE_SIZE = 500;

/**
 * The header, then one line per matching event, newest first. Reads pages by keyset (the last
 * row's time and ID) rather than OFFSET, so rows appended during a long export neither shift nor
 * repeat what follows, and memory stays at one page.
 */
export async function* auditCsvLines(db: Database, filter: AuditFilterInput = {}): AsyncGenerator<string> {
  const where = auditWhere(auditFilterSchema.parse(filter));
  yield csvLine(AUDIT_CSV_COLUMNS);
  let after: { occurredAt: Date; id: number } | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          where,
          after &&
            sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id})`,
        ),
      )
      .orderBy(...newestFirst)
      .limit(CSV_PAGE_SIZE);
    if (page.length === 0) return;
    yield page.map((row) => csvLine(columns.map(([, read]) => read(row)))).join("");
    const last = page[page.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
    if (page.length < CSV_PAGE_SIZE) return;
  }
}

/** The export as a byte stream for a Response; filters are validated before the first byte. */
export function auditCsv(db: Database, filter: AuditFilterInput = {}): ReadableStream<Uint8Array> {
  auditFilterSchema.parse(filter);
  const lines = auditCsvLines(db, filter);
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}
