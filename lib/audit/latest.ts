import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { type Database, auditEvents } from "@/lib/db";
import { type AccessSnapshot, accessSnapshotSchema } from "./types";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";

export interface DeactivationRecord {
  eventId: number;
  /** When Workfront confirmed it (completion time). */
  at: Date;
  actorEmail: string;
  reason: string;
  ticket: string | null;
  /** The access fields before deactivation; reactivation puts back `accessLevelId`. */
  snapshot: AccessSnapshot | null;
  /** The impact check just before it (issue 16), with an admin's override of blocking work. */
  openWork: OpenWorkEvidence | null;
}

/** Keeps each IN list well below Postgres's parameter limit, however many IDs a page holds. */
const CHUNK = 1_000;

/**
 * For each target, this dashboard's latest successful deactivation: who, when, why and what access
 * they had. A target whose latest successful change here was a reactivation gets no entry, since
 * its current deactivation (if any) happened outside this dashboard.
 */
export async function latestDeactivations(
  db: Database,
  targetIds: readonly string[],
): Promise<Map<string, DeactivationRecord>> {
  const ids = [...new Set(targetIds)];
  const result = new Map<string, DeactivationRecord>();
  for (let start = 0; start < ids.length; start += CHUNK) {
    const rows = await db
      .selectDistinctOn([auditEvents.targetId])
      .from(auditEvents)
      .where(
        and(
          inArray(auditEvents.targetId, ids.slice(start, start + CHUNK)),
          eq(auditEvents.outcome, "succeeded"),
        ),
      )
      .orderBy(auditEvents.targetId, desc(auditEvents.occurredAt), desc(auditEvents.id));
    for (const row of rows) {
      if (row.action !== "deactivate") continue;
      const snapshot = accessSnapshotSchema.safeParse(row.snapshot);
      result.set(row.targetId, {
        eventId: row.id,
        at: row.completedAt ?? row.occurredAt,
        actorEmail: row.actorEmail,
        reason: row.reason,
        ticket: row.ticket,
        snapshot: snapshot.success ? snapshot.data : null,
        openWork: row.openWork ?? null,
      });
    }
  }
  return result;
}
