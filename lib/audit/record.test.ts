import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { auditEvents } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { AuditError, completeAttempt, recordAttempt, recordRefusal } from ".";
import { attempt, workfrontId } from "./test-fixtures";

const snapshot = {
  accessLevelId: "a".repeat(32),
  accessLevelName: "Standard",
  licenseType: "LT",
  homeGroupId: "b".repeat(32),
  homeGroupName: "Finance",
};

withTestDatabase("recording attempts", ({ db }) => {
  it("writes a pending row before the call and completes it as succeeded after", async () => {
    const { id } = await recordAttempt(db(), attempt({ targetId: workfrontId(101), snapshot }));
    const [pending] = await db().select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(pending).toMatchObject({
      outcome: "pending",
      completedAt: null,
      isActiveBefore: true,
      snapshot,
      ticket: "HR-1",
    });
    expect(pending?.occurredAt).toBeInstanceOf(Date);

    const done = await completeAttempt(db(), id, { outcome: "succeeded", isActiveAfter: false });
    expect(done).toMatchObject({
      id,
      outcome: "succeeded",
      isActiveBefore: true,
      isActiveAfter: false,
      snapshot,
    });
    expect(done.completedAt!.getTime()).toBeGreaterThanOrEqual(done.occurredAt.getTime());
  });

  it("records a failure with its code and message, cutting an overlong message", async () => {
    const { id } = await recordAttempt(db(), attempt({ targetId: workfrontId(102) }));
    const done = await completeAttempt(db(), id, {
      outcome: "failed",
      errorCode: "timeout",
      errorMessage: "x".repeat(5000),
    });
    expect(done).toMatchObject({ outcome: "failed", errorCode: "timeout", isActiveAfter: null });
    expect(done.errorMessage).toHaveLength(2000);
  });

  it("records 'already' and a late refusal, and may fill in the state before the call", async () => {
    const first = await recordAttempt(db(), attempt({ targetId: workfrontId(103), isActiveBefore: null }));
    expect(
      await completeAttempt(db(), first.id, {
        outcome: "already",
        isActiveBefore: false,
        isActiveAfter: false,
      }),
    ).toMatchObject({
      outcome: "already",
      isActiveBefore: false,
    });
    const second = await recordAttempt(db(), attempt({ targetId: workfrontId(104) }));
    expect(
      await completeAttempt(db(), second.id, { outcome: "refused", refusedCode: "configured", refusedReason: "Protected" }),
    ).toMatchObject({
      outcome: "refused",
      refusedCode: "configured",
      refusedReason: "Protected",
    });
  });

  it("completes a row only once", async () => {
    const { id } = await recordAttempt(db(), attempt({ targetId: workfrontId(105) }));
    await completeAttempt(db(), id, { outcome: "succeeded", isActiveAfter: false });
    const again = completeAttempt(db(), id, { outcome: "failed", errorCode: "oops" });
    await expect(again).rejects.toBeInstanceOf(AuditError);
    // The error names the row and the outcome it already has, for whoever reads the log.
    await expect(again).rejects.toMatchObject({
      name: "AuditError",
      code: "already_complete",
      message: `Audit event ${id} is already complete (succeeded).`,
    });
    await expect(completeAttempt(db(), 987_654_321, { outcome: "succeeded" })).rejects.toMatchObject({
      name: "AuditError",
      code: "not_found",
      message: "No audit event 987654321.",
    });
    const [row] = await db().select().from(auditEvents).where(eq(auditEvents.id, id));
    expect(row?.outcome).toBe("succeeded");
  });

  it("writes a refusal in one step, complete at once", async () => {
    const row = await recordRefusal(db(), {
      ...attempt({ targetId: workfrontId(106), ticket: "  " }),
      refusedCode: "main_admin",
      refusedReason: "The tenant's main admin cannot be deactivated.",
    });
    expect(row).toMatchObject({
      outcome: "refused",
      ticket: null,
      refusedCode: "main_admin",
      refusedReason: "The tenant's main admin cannot be deactivated.",
    });
    expect(row.completedAt).toEqual(row.occurredAt);
  });

  it("refuses bad input before writing anything", async () => {
    const before = (await db().select().from(auditEvents)).length;
    await expect(recordAttempt(db(), attempt({ targetId: "../etc/passwd" }))).rejects.toThrow(/Workfront ID/);
    await expect(recordAttempt(db(), attempt({ reason: "   " }))).rejects.toThrow(/reason/);
    await expect(recordAttempt(db(), attempt({ reason: "r".repeat(2001) }))).rejects.toThrow();
    // @ts-expect-error: the action is checked at run time too
    await expect(recordAttempt(db(), attempt({ action: "delete" }))).rejects.toThrow();
    expect((await db().select().from(auditEvents)).length).toBe(before);
  });
});
