import { type NewAuditEventRow, auditEvents } from "@/lib/db/schema";
import type { Database } from "@/lib/db/types";
import type { AttemptInput } from "./record";

/** Test data for the audit log: valid rows with only the fields a test cares about spelled out. */
export function workfrontId(n: number): string {
  return n.toString(16).padStart(32, "0");
}

export function attempt(overrides: Partial<AttemptInput> = {}) {
  return {
    action: "deactivate" as const,
    actorAccountId: null,
    actorEmail: "operator@example.com",
    actorRole: "operator" as const,
    targetId: workfrontId(1),
    targetName: "Ada Lovelace",
    targetEmail: "ada@example.com",
    reason: "Left the company",
    ticket: "HR-1",
    requestId: "req-1",
    clientIp: "10.0.0.1",
    isActiveBefore: true,
    ...overrides,
  };
}

/** Inserts finished rows directly (with chosen times), as a history to filter and export. */
export async function seedEvents(db: Database, rows: Partial<NewAuditEventRow>[]): Promise<void> {
  const values = rows.map((row, index) => ({
    actorEmail: "operator@example.com",
    actorRole: "operator" as const,
    action: "deactivate" as const,
    targetId: workfrontId(index + 1),
    reason: "Left the company",
    requestId: `seed-${index}`,
    outcome: "succeeded" as const,
    completedAt: row.occurredAt ?? new Date(),
    ...row,
  }));
  for (let start = 0; start < values.length; start += 500) {
    await db.insert(auditEvents).values(values.slice(start, start + 500));
  }
}
