import "server-only";
import { inArray } from "drizzle-orm";
import { type Database, type JobRow, jobs } from "@/lib/db";

/** What processing an item needs to know about its job. */
export type JobContext = Pick<
  JobRow,
  | "id"
  | "kind"
  | "status"
  | "reason"
  | "ticket"
  | "requestId"
  | "clientIp"
  | "createdByAccountId"
  | "createdByEmail"
  | "createdByRole"
  | "createdByTokenId"
  | "cancelRequestedAt"
  | "includeAdmins"
  | "openWorkOverride"
  | "openWorkDeferred"
>;

export async function loadJobContexts(db: Database, jobIds: readonly string[]): Promise<Map<string, JobContext>> {
  if (jobIds.length === 0) return new Map();
  const rows = await db
    .select({
      id: jobs.id,
      kind: jobs.kind,
      status: jobs.status,
      reason: jobs.reason,
      ticket: jobs.ticket,
      requestId: jobs.requestId,
      clientIp: jobs.clientIp,
      createdByAccountId: jobs.createdByAccountId,
      createdByEmail: jobs.createdByEmail,
      createdByRole: jobs.createdByRole,
      createdByTokenId: jobs.createdByTokenId,
      cancelRequestedAt: jobs.cancelRequestedAt,
      includeAdmins: jobs.includeAdmins,
      openWorkOverride: jobs.openWorkOverride,
      openWorkDeferred: jobs.openWorkDeferred,
    })
    .from(jobs)
    .where(inArray(jobs.id, [...new Set(jobIds)]));
  return new Map(rows.map((row) => [row.id, row]));
}
