import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { type Database, auditEvents, recordset } from "@/lib/db";
import { workfrontIdSchema } from "@/lib/workfront/ids";
import { type AuditEvent, AuditError, accessSnapshotSchema } from "./types";
import { OVERRIDABLE_PROTECTIONS, REFUSAL_CODES } from "@/lib/offboarding/user-dto";
import { AUDIT_ACTIONS } from "./vocabulary";
import { openWorkEvidenceSchema } from "@/lib/offboarding/impact/schemas";

/** Optional text: blank means absent, so the log never holds "" where it means "none". */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => value || null);

/** Error text comes from upstream and must always be recordable: cut it rather than refuse it. */
const clipped = (max: number) => z.string().transform((value) => value.slice(0, max));

const entrySchema = z.object({
  action: z.enum(AUDIT_ACTIONS),
  actorAccountId: z.uuid().nullish(),
  actorEmail: z.string().trim().toLowerCase().min(1).max(254),
  actorRole: z.enum(ROLES),
  /** The API token the actor used, if any (actorAccountId is then its creator). */
  actorTokenId: z.uuid().nullish(),
  targetId: workfrontIdSchema,
  targetName: optionalText(500),
  targetEmail: optionalText(254),
  reason: z.string().trim().min(1, "a reason is required").max(2000),
  ticket: optionalText(200),
  requestId: z.string().min(1).max(200),
  clientIp: optionalText(100),
  isActiveBefore: z.boolean().nullish(),
  jobId: z.uuid().nullish(),
  jobItemId: z.uuid().nullish(),
  /** The scheduled deactivation this row belongs to (lib/schedule). */
  scheduleId: z.uuid().nullish(),
  /** A deactivation's impact check just before it (issue 16), with an override of blocking work. */
  openWork: openWorkEvidenceSchema.nullish(),
  /** A reassignment's change to one object (action `reassign`). */
  change: z
    .object({
      category: z.string().max(50),
      objCode: z.string().max(20),
      objectId: workfrontIdSchema,
      objectName: z.string().max(500).nullable(),
      field: z.string().max(50),
      from: workfrontIdSchema,
      to: workfrontIdSchema,
      toName: z.string().max(500).nullable(),
    })
    .nullish(),
});

export const attemptSchema = entrySchema.extend({
  snapshot: accessSnapshotSchema.nullish(),
  /** The protection an admin overrode for this attempt, if any. */
  overriddenProtection: z.enum(OVERRIDABLE_PROTECTIONS).nullish(),
});
/** Why the dashboard refused: the code the UI words in each language, and the server's sentence. */
const refused = { refusedCode: z.enum(REFUSAL_CODES), refusedReason: z.string().trim().min(1).max(2000) };
export const refusalSchema = entrySchema.extend(refused);

export type AttemptInput = z.input<typeof attemptSchema>;
export type RefusalInput = z.input<typeof refusalSchema>;

/** Before the call these may be missing; completion may fill them in, never change them. */
const knownBefore = { isActiveBefore: z.boolean().optional(), snapshot: accessSnapshotSchema.optional() };

export const completionSchema = z.discriminatedUnion("outcome", [
  z.object({
    outcome: z.enum(["succeeded", "already"]),
    isActiveAfter: z.boolean().nullish(),
    ...knownBefore,
  }),
  z.object({
    outcome: z.literal("failed"),
    errorCode: z.string().min(1).max(100),
    errorMessage: clipped(2000).nullish(),
    isActiveAfter: z.boolean().nullish(),
    ...knownBefore,
  }),
  z.object({
    outcome: z.literal("refused"),
    ...refused,
    ...knownBefore,
  }),
]);

export type Completion = z.input<typeof completionSchema>;

/** Writes the pending row before the Workfront call, so a crash mid-call still leaves a trace. */
export async function recordAttempt(db: Database, input: AttemptInput): Promise<{ id: number }> {
  const entry = attemptSchema.parse(input);
  const [row] = await db
    .insert(auditEvents)
    .values({ ...entry, outcome: "pending" })
    .returning({ id: auditEvents.id });
  return { id: row!.id };
}

/**
 * Sets the final outcome of a pending row, once. The database trigger enforces the same rule for
 * any other writer; here a second completion is an AuditError rather than a trigger exception.
 */
export async function completeAttempt(db: Database, id: number, result: Completion): Promise<AuditEvent> {
  const completion = completionSchema.parse(result);
  const [row] = await db
    .update(auditEvents)
    .set({ ...completion, completedAt: sql`now()` })
    .where(and(eq(auditEvents.id, id), eq(auditEvents.outcome, "pending")))
    .returning();
  if (row) return row;
  const [existing] = await db
    .select({ outcome: auditEvents.outcome })
    .from(auditEvents)
    .where(eq(auditEvents.id, id));
  throw existing
    ? new AuditError("already_complete", `Audit event ${id} is already complete (${existing.outcome}).`)
    : new AuditError("not_found", `No audit event ${id}.`);
}

/**
 * Completes many pending rows in one statement (a bulk job's chunk, a batch of schedules), each
 * once: a row found complete already throws, which rolls the caller's transaction back, so a row
 * is never completed twice nor an item or schedule left without one (an item with no row, a null
 * `id`, throws the same way).
 */
export async function completeAttempts(tx: Database, completions: readonly { id: number | null; completion: Completion }[]): Promise<void> {
  if (completions.length === 0) return;
  const rows = completions.map(({ id, completion: raw }) => {
    const completion = completionSchema.parse(raw);
    return {
      id,
      outcome: completion.outcome,
      error_code: "errorCode" in completion ? completion.errorCode : null,
      error_message: "errorMessage" in completion ? completion.errorMessage : null,
      refused_reason: "refusedReason" in completion ? completion.refusedReason : null,
      refused_code: "refusedCode" in completion ? completion.refusedCode : null,
      is_active_after: "isActiveAfter" in completion ? completion.isActiveAfter : null,
    };
  });
  const done = await tx.execute(sql`
    update audit_events set outcome = v.outcome, completed_at = now(), error_code = v.error_code,
      error_message = v.error_message, refused_reason = v.refused_reason, refused_code = v.refused_code,
      is_active_after = v.is_active_after
    from ${recordset(rows, "id bigint, outcome text, error_code text, error_message text, refused_reason text, refused_code text, is_active_after boolean")}
    where audit_events.id = v.id and audit_events.outcome = 'pending'
    returning audit_events.id`);
  const count = (done as unknown as { rows: unknown[] }).rows.length;
  if (count !== rows.length) throw new AuditError("already_complete", `Expected to complete ${rows.length} audit rows, completed ${count}.`);
}

/** A refusal decided before any Workfront call (a protected account, a missing role): one row, complete. */
export async function recordRefusal(db: Database, input: RefusalInput): Promise<AuditEvent> {
  const entry = refusalSchema.parse(input);
  const [row] = await db
    .insert(auditEvents)
    .values({ ...entry, outcome: "refused", completedAt: sql`now()` })
    .returning();
  return row!;
}
