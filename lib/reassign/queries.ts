import "server-only";
import { eq, sql } from "drizzle-orm";
import { type Database, reassignmentItems, reassignments } from "@/lib/db";
import type { ReassignItemState, ReassignmentStatus } from "./vocabulary";

export interface ReassignmentSummary {
  id: string;
  status: ReassignmentStatus;
  createdAt: string;
  finishedAt: string | null;
  counts: Record<ReassignItemState, number>;
  total: number;
}

export async function getReassignment(db: Database, id: string): Promise<ReassignmentSummary | null> {
  const [head] = await db.select().from(reassignments).where(eq(reassignments.id, id));
  if (!head) return null;
  const rows = await db
    .select({ state: reassignmentItems.state, n: sql<number>`count(*)::int` })
    .from(reassignmentItems)
    .where(eq(reassignmentItems.reassignmentId, id))
    .groupBy(reassignmentItems.state);
  const counts: Record<ReassignItemState, number> = { pending: 0, running: 0, done: 0, failed: 0 };
  for (const row of rows) counts[row.state] = Number(row.n);
  return {
    id,
    status: head.status,
    createdAt: head.createdAt.toISOString(),
    finishedAt: head.finishedAt?.toISOString() ?? null,
    counts,
    total: Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

export async function unfinishedReassignments(db: Database): Promise<string[]> {
  const rows = await db
    .select({ id: reassignments.id })
    .from(reassignments)
    .where(eq(reassignments.status, "running"));
  return rows.map((row) => row.id);
}
