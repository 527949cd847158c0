import "server-only";
import { type Database, jobItems, jobs } from "@/lib/db";
import { type JobActor, recordJobEvent } from "./events";
import type { JobKind } from "./vocabulary";

export interface JobTarget {
  id: string;
  name?: string | null;
  email?: string | null;
}

export interface NewJob {
  kind: JobKind;
  /** Unique IDs, in the operator's order. */
  targets: readonly JobTarget[];
  reason: string;
  ticket: string | null;
  /** The imported file's name, if the list came from a file. */
  sourceName?: string | null;
  actor: JobActor;
  undoOf?: string | null;
}

/** Rows per INSERT: well under Postgres's 65,535 parameters at 6 columns a row. */
const INSERT_CHUNK = 1_000;

/**
 * Writes the job and one pending item per person in one transaction, so a job is never seen
 * half-created. No Workfront call happens here: the worker reads each person when it runs them.
 */
export async function insertJob(db: Database, input: NewJob): Promise<string> {
  if (input.targets.length === 0) throw new Error("A job needs at least one person");
  return db.transaction(async (tx) => {
    const [job] = await tx
      .insert(jobs)
      .values({
        kind: input.kind,
        createdByAccountId: input.actor.accountId,
        createdByEmail: input.actor.email.toLowerCase(),
        createdByRole: input.actor.role,
        reason: input.reason,
        ticket: input.ticket,
        sourceName: input.sourceName ?? null,
        requestId: input.actor.requestId,
        clientIp: input.actor.clientIp,
        undoOf: input.undoOf ?? null,
        totalItems: input.targets.length,
      })
      .returning({ id: jobs.id });
    const jobId = job!.id;
    for (let start = 0; start < input.targets.length; start += INSERT_CHUNK) {
      await tx.insert(jobItems).values(
        input.targets.slice(start, start + INSERT_CHUNK).map((target, index) => ({
          jobId,
          targetId: target.id,
          targetName: target.name ?? null,
          targetEmail: target.email ?? null,
          position: start + index,
        })),
      );
    }
    await recordJobEvent(tx, jobId, "created", input.actor, {
      people: input.targets.length,
      ...(input.undoOf ? { undoOf: input.undoOf } : {}),
    });
    return jobId;
  });
}
