import { expect, it } from "vitest";
import { withTestDatabase } from "@/lib/db/test-databases";
import { completeAttempt, latestDeactivations, recordAttempt } from ".";
import { attempt, seedEvents, workfrontId } from "./test-fixtures";

const snapshot = (accessLevelId: string) => ({
  accessLevelId,
  accessLevelName: "Planner",
  licenseType: "LT",
  homeGroupId: null,
  homeGroupName: null,
});
const day = (d: number) => new Date(Date.UTC(2030, 5, d, 9));
/** The impact check kept with a deactivation (issue 16), here with an admin's override. */
const openWork = {
  counts: { approvalsAwaiting: 2 },
  total: 2,
  blocking: 2,
  unavailable: [],
  checkedAt: "2030-06-03T08:59:00.000Z",
  override: { reason: "Approvals move to the deputy", blocking: [{ key: "approvalsAwaiting" as const, count: 2 }] },
};

withTestDatabase("latest deactivations", ({ db }) => {
  it("gives who, when, why and the snapshot of each target's latest successful deactivation", async () => {
    const target = workfrontId(201);
    await seedEvents(db(), [
      {
        targetId: target,
        occurredAt: day(1),
        actorEmail: "first@example.com",
        reason: "Old",
        snapshot: snapshot("1".repeat(32)),
      },
      { targetId: target, occurredAt: day(2), action: "reactivate", actorEmail: "first@example.com" },
      {
        targetId: target,
        occurredAt: day(3),
        actorEmail: "second@example.com",
        reason: "Left again",
        ticket: "HR-7",
        snapshot: snapshot("2".repeat(32)),
        openWork,
      },
      // Later attempts that did not deactivate anything do not count.
      { targetId: target, occurredAt: day(4), outcome: "failed", errorCode: "timeout" },
      { targetId: target, occurredAt: day(5), outcome: "already", actorEmail: "late@example.com" },
    ]);
    const record = (await latestDeactivations(db(), [target])).get(target);
    expect(record).toMatchObject({
      actorEmail: "second@example.com",
      reason: "Left again",
      ticket: "HR-7",
      at: day(3),
      openWork,
    });
    expect(record?.snapshot?.accessLevelId).toBe("2".repeat(32));
  });

  it("uses the completion time of a deactivation made through the helpers", async () => {
    const target = workfrontId(202);
    const { id } = await recordAttempt(
      db(),
      attempt({ targetId: target, snapshot: snapshot("3".repeat(32)) }),
    );
    expect((await latestDeactivations(db(), [target])).has(target)).toBe(false);
    const done = await completeAttempt(db(), id, { outcome: "succeeded", isActiveAfter: false });
    const record = (await latestDeactivations(db(), [target])).get(target);
    expect(record).toMatchObject({ eventId: id, at: done.completedAt, snapshot: snapshot("3".repeat(32)) });
  });

  it("has no entry when the latest successful change here was a reactivation", async () => {
    const target = workfrontId(203);
    await seedEvents(db(), [
      { targetId: target, occurredAt: day(1) },
      { targetId: target, occurredAt: day(2), action: "reactivate" },
    ]);
    expect((await latestDeactivations(db(), [target])).has(target)).toBe(false);
  });

  it("answers for many targets at once (more than one query's parameters can hold), and for none", async () => {
    // PostgreSQL takes at most 65,535 parameters in one query.
    const targets = Array.from({ length: 70_000 }, (_, i) => workfrontId(10_000 + i));
    await seedEvents(
      db(),
      targets.slice(0, 1_200).filter((_, i) => i % 2 === 0).map((targetId) => ({ targetId, occurredAt: day(1) })),
    );
    await seedEvents(db(), [{ targetId: targets[69_998]!, occurredAt: day(1) }]);
    const records = await latestDeactivations(db(), [...targets, targets[0]!]);
    expect(records.size).toBe(601);
    expect(records.has(targets[1_198]!)).toBe(true);
    expect(records.has(targets[1_199]!)).toBe(false);
    expect(records.has(targets[69_998]!)).toBe(true);
    expect((await latestDeactivations(db(), [])).size).toBe(0);
  });
});
