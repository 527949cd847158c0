import {
  type AccessSnapshot,
  type Database,
  type JobRow,
  type NewJobItemRow,
  type NewJobRow,
  auditEvents,
  jobItems,
  jobs,
} from "@/lib/db";

/**
 * Rows written straight into the job tables, for tests of what the queries read back (counts,
 * licences, pages) without running a job. Every date is fixed or given: nothing depends on today.
 */

/** A 32-hex Workfront ID from a number: `targetId(7)` is `000…07`. */
export const targetId = (n: number) => n.toString(16).padStart(32, "0");

/** A job ID from a number, so a test's rows (and the database's plans over them) are the same each run. */
export const jobUuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, "0")}`;

export const FIXED_DATE = new Date("2026-03-02T10:00:00.000Z");

/** A job row (status queued unless given; a final status gets a finishedAt). */
export async function insertJobRow(
  db: Database,
  values: Partial<NewJobRow> & { id: string },
): Promise<JobRow> {
  const status = values.status ?? "queued";
  const final = status === "completed" || status === "cancelled";
  const [row] = await db
    .insert(jobs)
    .values({
      kind: "deactivate",
      createdByEmail: "creator@example.com",
      createdByRole: "operator",
      reason: "Contracts ended",
      requestId: "test-request",
      totalItems: 1,
      createdAt: FIXED_DATE,
      finishedAt: final ? FIXED_DATE : null,
      ...values,
      status,
    })
    .returning();
  return row!;
}

/** A completed audit row for a deactivation, with the licence its snapshot recorded. */
export async function insertAuditRow(
  db: Database,
  values: { jobId: string; targetId: string; licenseType?: string | null; snapshot?: AccessSnapshot | null },
): Promise<number> {
  const snapshot =
    values.snapshot !== undefined
      ? values.snapshot
      : {
          accessLevelId: null,
          accessLevelName: null,
          licenseType: values.licenseType ?? null,
          homeGroupId: null,
          homeGroupName: null,
        };
  const [row] = await db
    .insert(auditEvents)
    .values({
      actorEmail: "creator@example.com",
      actorRole: "operator",
      action: "deactivate",
      targetId: values.targetId,
      reason: "Contracts ended",
      outcome: "succeeded",
      completedAt: FIXED_DATE,
      requestId: "test-request",
      jobId: values.jobId,
      snapshot,
    })
    .returning({ id: auditEvents.id });
  return row!.id;
}

/** Job items in the given states (positions from 0, in order); a final item gets a finishedAt. */
export async function insertItems(
  db: Database,
  jobId: string,
  items: (Partial<NewJobItemRow> & { state: NewJobItemRow["state"] })[],
  firstTarget = 1,
): Promise<void> {
  if (items.length === 0) return;
  await db.insert(jobItems).values(
    items.map((item, position) => {
      const final = item.state !== "pending" && item.state !== "running";
      return {
        jobId,
        targetId: targetId(firstTarget + position),
        position,
        finishedAt: final ? FIXED_DATE : null,
        ...(item.state === "running"
          ? { leaseOwner: "test-worker", leaseExpiresAt: new Date("2099-01-01T00:00:00.000Z") }
          : {}),
        ...(item.state === "failed" ? { errorCode: "network" } : {}),
        ...item,
      };
    }),
  );
}
