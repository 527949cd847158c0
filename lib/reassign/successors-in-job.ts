import "server-only";
import { and, inArray, ne, sql } from "drizzle-orm";
import { type Database, reassignmentItems } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { type WorkObjCode, type WorkfrontClient, isCredentialError, isWorkfrontError } from "@/lib/workfront";

/** A person of a new job who holds (or is about to be given) work of another person of the same job. */
export interface SuccessorInJob {
  successorId: string;
  successorName: string | null;
  leaverId: string;
  leaverName: string | null;
  /** Objects handed over, or still being handed over, that name the successor. */
  objects: number;
}

const IDS_PER_READ = 100;

/**
 * The job side of "the successor is not another leaver in the job": among a new deactivation
 * job's people, whoever a reassignment named successor of another of them and who still holds
 * that work, so that the job would orphan it again. Counted: items still being handed over
 * (pending, running: they will land on the successor), and items handed over whose object
 * Workfront shows naming the successor now (read, never assumed: someone may have moved it on
 * since, in the app or in Workfront). When Workfront cannot be asked, handed-over items count
 * as held: the refusal errs on the side of not orphaning work.
 */
export async function successorsInJob(
  deps: { db: Database; client: WorkfrontClient },
  userIds: readonly string[],
): Promise<SuccessorInJob[]> {
  if (userIds.length < 2) return [];
  const ids = [...new Set(userIds)];
  const rows = await deps.db
    .select({
      leaverId: reassignmentItems.leaverId,
      leaverName: reassignmentItems.leaverName,
      successorId: reassignmentItems.successorId,
      successorName: reassignmentItems.successorName,
      objCode: reassignmentItems.objCode,
      objectId: reassignmentItems.objectId,
      field: reassignmentItems.field,
      state: reassignmentItems.state,
    })
    .from(reassignmentItems)
    .where(
      and(
        inArray(reassignmentItems.successorId, ids),
        inArray(reassignmentItems.leaverId, ids),
        ne(reassignmentItems.state, "failed"),
        sql`${reassignmentItems.leaverId} <> ${reassignmentItems.successorId}`,
      ),
    );
  if (rows.length === 0) return [];
  const held = await stillNaming(deps.client, rows.filter((row) => row.state === "done"));
  const pairs = new Map<string, SuccessorInJob>();
  for (const row of rows) {
    if (row.state === "done" && !held.has(`${row.objCode}:${row.field}:${row.objectId}:${row.successorId}`)) continue;
    const key = `${row.successorId}:${row.leaverId}`;
    const pair = pairs.get(key) ?? { ...pick(row), objects: 0 };
    pair.objects += 1;
    pairs.set(key, pair);
  }
  return [...pairs.values()];
}

const pick = (row: { successorId: string; successorName: string | null; leaverId: string; leaverName: string | null }) => ({
  successorId: row.successorId,
  successorName: row.successorName,
  leaverId: row.leaverId,
  leaverName: row.leaverName,
});

/** Keys (`objCode:field:objectId:successorId`) of the handed-over objects that name their successor now. */
async function stillNaming(
  client: WorkfrontClient,
  done: readonly { objCode: string; field: string; objectId: string; successorId: string }[],
): Promise<Set<string>> {
  const keys = new Set<string>();
  const groups = new Map<string, typeof done[number][]>();
  for (const row of done) {
    const group = `${row.objCode}:${row.field}`;
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  for (const group of groups.values()) {
    const { objCode, field } = group[0]!;
    const objectIds = [...new Set(group.map((row) => row.objectId))];
    const now = new Map<string, unknown>();
    try {
      for (let i = 0; i < objectIds.length; i += IDS_PER_READ) {
        const values = objectIds.slice(i, i + IDS_PER_READ);
        const found = await client.searchWork(objCode as WorkObjCode, {
          fields: [field],
          filters: [{ field: "ID", op: "in", values }],
          limit: values.length,
        });
        for (const row of found) now.set(row.id, row.values[field]);
      }
    } catch (error) {
      if (!isWorkfrontError(error) || !(error.retryable || isCredentialError(error))) throw error;
      for (const row of group) keys.add(`${objCode}:${field}:${row.objectId}:${row.successorId}`);
      continue;
    }
    for (const row of group) {
      if (now.get(row.objectId) === row.successorId) keys.add(`${objCode}:${field}:${row.objectId}:${row.successorId}`);
    }
  }
  return keys;
}

const SHOWN = 10;

/** 409 `successor_in_job` when someone in a new deactivation job holds work of another person in it. */
export async function assertNoSuccessorInJob(
  deps: { db: Database; client: WorkfrontClient },
  userIds: readonly string[],
): Promise<void> {
  const pairs = await successorsInJob(deps, userIds);
  if (pairs.length > 0) throw successorInJobRefusal(pairs);
}

/** The refusal for these pairs; the leavers feed gives its message per successor it leaves out. */
export function successorInJobRefusal(pairs: readonly SuccessorInJob[]): ApiError {
  const listed = pairs
    .slice(0, SHOWN)
    .map((pair) => `${pair.successorName ?? pair.successorId} holds ${pair.objects} of ${pair.leaverName ?? pair.leaverId}'s objects`)
    .join("; ");
  const more = pairs.length > SHOWN ? `; and ${pairs.length - SHOWN} more` : "";
  return new ApiError(
    409,
    "successor_in_job",
    `Work handed to a successor who leaves in this same job would be orphaned again: ${listed}${more}. ` +
      "Hand that work on to someone who stays (reassign it from the successor), or leave the successor out of this job.",
    { details: { pairs } },
  );
}
