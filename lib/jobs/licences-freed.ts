import "server-only";
import { and, count, desc, eq, inArray, sql } from "drizzle-orm";
import { type Database, auditEvents, jobItems, jobs } from "@/lib/db";

/**
 * Licences each deactivation job freed: the people it deactivated (items that succeeded, not
 * those already deactivated), by the licence type their audit row's snapshot recorded just before.
 * The confirm dialog counts the same way ahead of the run (dry run: people it would change).
 */
export interface JobLicencesFreed {
  jobId: string;
  createdAt: Date;
  createdByEmail: string;
  reason: string;
  ticket: string | null;
  sourceName: string | null;
  freed: { licenseType: string | null; count: number }[];
  total: number;
}

export async function licencesFreedByJob(db: Database, limit = 50): Promise<JobLicencesFreed[]> {
  const recent = await db
    .select({ id: jobs.id, createdAt: jobs.createdAt, createdByEmail: jobs.createdByEmail, reason: jobs.reason, ticket: jobs.ticket, sourceName: jobs.sourceName })
    .from(jobs)
    .where(eq(jobs.kind, "deactivate"))
    .orderBy(desc(jobs.createdAt), desc(jobs.id))
    .limit(limit);
  if (recent.length === 0) return [];
  const licenseType = sql<string | null>`${auditEvents.snapshot}->>'licenseType'`;
  const rows = await db
    .select({ jobId: jobItems.jobId, licenseType, count: count() })
    .from(jobItems)
    .innerJoin(auditEvents, eq(auditEvents.id, jobItems.auditEventId))
    .where(and(inArray(jobItems.jobId, recent.map((job) => job.id)), eq(jobItems.state, "succeeded")))
    .groupBy(jobItems.jobId, licenseType);
  return recent.map((job) => {
    const freed = rows
      .filter((row) => row.jobId === job.id)
      .map((row) => ({ licenseType: row.licenseType, count: row.count }))
      .sort((a, b) => b.count - a.count);
    return { ...job, jobId: job.id, freed, total: freed.reduce((sum, entry) => sum + entry.count, 0) };
  });
}
