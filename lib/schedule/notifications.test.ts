import { eq } from "drizzle-orm";
import { beforeAll, expect, it, vi } from "vitest";
import { notifications, scheduledDeactivations } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";

// A webhook configured before lib/env is first read, so schedule events reach the outbox.
vi.hoisted(() => vi.stubEnv("NOTIFY_WEBHOOK_URL", "https://hooks.example.com/services/T000/B000/XXXX"));

const { recordScheduleEvent } = await import("./events");
const { createSchedules, refOf, upcomingLeavers } = await import("./store");

const actor = { accountId: null, email: "hr@example.com", role: "operator" as const, requestId: "t", clientIp: null };

withTestDatabase("a schedule's events and HR's notifications", ({ db }) => {
  let ids: string[] = [];
  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
  beforeAll(async () => {
    const rows = await createSchedules(db(), {
      targets: [
        { id: "a".repeat(32), name: "Ada Soon", email: "ada@example.com" },
        { id: "b".repeat(32), name: "Ben Later", email: "ben@example.com" },
      ],
      dueAt: (target) => (target.id.startsWith("a") ? inDays(2) : inDays(20)),
      timeZone: "UTC",
      policy: "deactivate_anyway",
      reason: "Last day",
      ticket: null,
      actor,
    });
    ids = rows.map((row) => row.id);
  });

  it("lists who is due in a window, soonest first, for the daily digest", async () => {
    expect(await upcomingLeavers(db(), { from: new Date(), to: inDays(7) })).toEqual([
      { name: "Ada Soon", email: "ada@example.com", dueAt: expect.any(String) },
    ]);
  });

  it("puts ran, failed, overdue and held in the outbox with the person and time only; people's own changes are not sent", async () => {
    const [row] = await db().select().from(scheduledDeactivations).where(eq(scheduledDeactivations.id, ids[0]!));
    const schedule = refOf(row!);
    await recordScheduleEvent(db(), { kind: "edited", schedule, actor, before: { reason: "Earlier" } });
    await recordScheduleEvent(db(), { kind: "overdue", schedule, lastErrorCode: "unavailable" });
    await recordScheduleEvent(db(), { kind: "ran", schedule, outcome: "succeeded", late: true, startedAt: new Date(), readBackAt: new Date() });
    const sent = await db().select().from(notifications);
    expect(sent.map((n) => [n.eventType, n.channel]).sort()).toEqual([
      ["schedule_overdue", "webhook"],
      ["schedule_ran", "webhook"],
    ]);
    const ran = sent.find((n) => n.eventType === "schedule_ran")!;
    expect(ran.payload).toEqual({
      type: "schedule_ran",
      scheduleId: ids[0],
      person: { name: "Ada Soon", email: "ada@example.com" },
      dueAt: schedule.dueAt.toISOString(),
      ranAt: expect.any(String),
      late: true,
    });
    await recordScheduleEvent(db(), { kind: "held", schedule: { ...schedule, id: ids[1]! }, blocking: 1, total: 3 });
    const [held] = await db().select().from(notifications).where(eq(notifications.eventKey, `schedule_failed:${ids[1]}:1`));
    expect(held?.payload).toMatchObject({ type: "schedule_failed", errorCode: "held_open_work" });
  });
});
