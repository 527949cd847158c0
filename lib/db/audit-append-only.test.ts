import { eq, sql } from "drizzle-orm";
import { beforeEach, expect, it } from "vitest";
import { type AccessSnapshot, type NewAuditEventRow, auditEvents } from "./schema";
import { withTestDatabase } from "./test-databases";
import type { Database } from "./types";

/**
 * The append-only rule belongs to the database, not only to lib/audit: these writes go around the
 * helpers, as a bug or a person at a SQL prompt would.
 */
const snapshot: AccessSnapshot = {
  accessLevelId: "a".repeat(32),
  accessLevelName: "Standard",
  licenseType: "LT",
  homeGroupId: null,
  homeGroupName: null,
};

async function insert(db: Database, row: Partial<NewAuditEventRow> = {}): Promise<number> {
  const [inserted] = await db
    .insert(auditEvents)
    .values({
      actorEmail: "operator@example.com",
      actorRole: "operator",
      action: "deactivate",
      targetId: "0123456789abcdef0123456789abcdef",
      reason: "Left",
      requestId: "req",
      outcome: "pending",
      ...row,
    })
    .returning({ id: auditEvents.id });
  return inserted!.id;
}

/** Drizzle wraps the driver's error; the database's own message is in `cause`. */
async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  if (!(error instanceof Error)) throw new Error("expected the database to refuse this write");
  return `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}`;
}

const completion = { outcome: "succeeded" as const, completedAt: new Date(), isActiveAfter: false };

withTestDatabase("audit_events is append-only", ({ db }) => {
  let pendingId: number;
  let doneId: number;
  beforeEach(async () => {
    pendingId = await insert(db(), { isActiveBefore: true, snapshot });
    doneId = await insert(db(), { outcome: "succeeded", completedAt: new Date() });
  });

  it("refuses DELETE, even of a pending row", async () => {
    expect(await refusal(db().delete(auditEvents).where(eq(auditEvents.id, doneId)))).toMatch(/append-only/);
    expect(await refusal(db().delete(auditEvents).where(eq(auditEvents.id, pendingId)))).toMatch(
      /append-only/,
    );
    expect(await db().$count(auditEvents, eq(auditEvents.id, doneId))).toBe(1);
  });

  it("refuses TRUNCATE", async () => {
    expect(await refusal(db().execute(sql`truncate audit_events`))).toMatch(/cannot be truncated/);
    expect(await db().$count(auditEvents)).toBeGreaterThan(0);
  });

  it("refuses any change to a completed row", async () => {
    const edit = db().update(auditEvents).set({ reason: "Edited" }).where(eq(auditEvents.id, doneId));
    expect(await refusal(edit)).toMatch(/already complete/);
    const recomplete = db()
      .update(auditEvents)
      .set({ outcome: "failed", errorCode: "x" })
      .where(eq(auditEvents.id, doneId));
    expect(await refusal(recomplete)).toMatch(/already complete/);
  });

  it("refuses an update that leaves a pending row pending", async () => {
    const update = db()
      .update(auditEvents)
      .set({ errorMessage: "still thinking" })
      .where(eq(auditEvents.id, pendingId));
    expect(await refusal(update)).toMatch(/final outcome/);
  });

  it("refuses a completion that also changes what was recorded before the call", async () => {
    const changes: Partial<NewAuditEventRow>[] = [
      { reason: "Edited" },
      { actorEmail: "someone-else@example.com" },
      { targetId: "f".repeat(32) },
      { occurredAt: new Date(0) },
      { ticket: "HR-9" },
    ];
    for (const change of changes) {
      const update = db()
        .update(auditEvents)
        .set({ ...completion, ...change })
        .where(eq(auditEvents.id, pendingId));
      expect(await refusal(update)).toMatch(/only its outcome columns/);
    }
    const rewrite = [{ isActiveBefore: false }, { snapshot: { ...snapshot, accessLevelId: "c".repeat(32) } }];
    for (const change of rewrite) {
      const update = db()
        .update(auditEvents)
        .set({ ...completion, ...change })
        .where(eq(auditEvents.id, pendingId));
      expect(await refusal(update)).toMatch(/state before the call/);
    }
  });

  it("allows completing a pending row exactly once", async () => {
    const complete = () => db().update(auditEvents).set(completion).where(eq(auditEvents.id, pendingId));
    await complete();
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.id, pendingId));
    expect(row).toMatchObject({ outcome: "succeeded", isActiveBefore: true, isActiveAfter: false, snapshot });
    expect(await refusal(complete())).toMatch(/already complete/);
  });

  it("lets a completion fill in a state before the call that was not known", async () => {
    const id = await insert(db());
    await db()
      .update(auditEvents)
      .set({ ...completion, outcome: "already", isActiveBefore: false, snapshot })
      .where(eq(auditEvents.id, id));
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(row).toMatchObject({ outcome: "already", isActiveBefore: false, snapshot });
  });

  it("keeps outcomes consistent: final means completed, failed has a code, refused a reason", async () => {
    const cases: Partial<NewAuditEventRow>[] = [
      { outcome: "succeeded", completedAt: null },
      { outcome: "failed", completedAt: new Date() },
      { outcome: "refused", completedAt: new Date() },
    ];
    for (const change of cases) {
      expect(await refusal(insert(db(), change))).toMatch(/violates check constraint|final outcome/);
    }
    expect(await refusal(insert(db(), { targetId: "../../etc" }))).toMatch(/audit_events_target_id_format/);
  });
});
