import "server-only";
import { count, desc } from "drizzle-orm";
import { type Database, auditEvents } from "@/lib/db";
import { type AuditListQueryInput, auditListQuerySchema, auditWhere } from "./filters";
import type { AuditEvent } from "./types";

export interface AuditPage {
  rows: AuditEvent[];
  total: number;
  page: number;
  pageSize: number;
}

/** Newest first; the ID breaks ties so rows written in the same millisecond never swap pages. */
export const newestFirst = [desc(auditEvents.occurredAt), desc(auditEvents.id)] as const;

/** One page of the audit log and the number of rows that match the filters. */
export async function listAuditEvents(db: Database, query: AuditListQueryInput = {}): Promise<AuditPage> {
  const { page, pageSize, ...filter } = auditListQuerySchema.parse(query);
  const where = auditWhere(filter);
  const [rows, [counted]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(...newestFirst)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ total: count() }).from(auditEvents).where(where),
  ]);
  return { rows, total: counted?.total ?? 0, page, pageSize };
}
