import "server-only";
import { sql } from "drizzle-orm";
import { type Database, jobs, recordset } from "@/lib/db";
import { type JobActor, recordJobEvent } from "./events";
import type { JobKind } from "./vocabulary";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";

export interface JobTarget {
  id: string;
  name?: string | null;
  email?: string | null;
  /** Their impact check when the job was made (deactivations): kept for the audit row. */
  openWork?: OpenWorkEvidence | null;
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
  /** System Administrators in the list are deactivated too (an admin's explicit choice). */
  includeAdmins?: boolean;
  /** An admin let people with blocking open work in on purpose: why (issue 16). */
  openWorkOverride?: string | null;
  /** Nobody's open work could be read now: the worker checks each person before writing them. */
  openWorkDeferred?: boolean;
}

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
        createdByTokenId: input.actor.tokenId ?? null,
        reason: input.reason,
        ticket: input.ticket,
        sourceName: input.sourceName ?? null,
        requestId: input.actor.requestId,
        clientIp: input.actor.clientIp,
        undoOf: input.undoOf ?? null,
        totalItems: input.targets.length,
        includeAdmins: input.includeAdmins ?? false,
        openWorkOverride: input.openWorkOverride ?? null,
        openWorkDeferred: input.openWorkDeferred ?? false,
      })
      .returning({ id: jobs.id });
    const jobId = job!.id;
    // One statement, the people as one JSON parameter (lib/db/recordset.ts says why).
    const rows = input.targets.map((target, position) => ({
      target_id: target.id,
      target_name: target.name ?? null,
      target_email: target.email ?? null,
      position,
      open_work: target.openWork ?? null,
    }));
    await tx.execute(sql`
      insert into job_items (job_id, target_id, target_name, target_email, position, open_work)
      select ${jobId}::uuid, v.target_id, v.target_name, v.target_email, v.position, v.open_work
      from ${recordset(rows, "target_id text, target_name text, target_email text, position integer, open_work jsonb")}`);
    await recordJobEvent(tx, jobId, "created", input.actor, {
      people: input.targets.length,
      ...(input.includeAdmins ? { includeAdmins: true } : {}),
      ...(input.openWorkDeferred ? { openWorkDeferred: true } : {}),
      ...(input.openWorkOverride ? { openWorkOverride: input.openWorkOverride, overriddenPeople: input.targets.filter((t) => t.openWork?.override).map((t) => t.id) } : {}),
      ...(input.undoOf ? { undoOf: input.undoOf } : {}),
    });
    return jobId;
  });
}
