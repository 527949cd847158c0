import { and, asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { auditEvents, scheduledDeactivations } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { checkPeople } from "@/lib/offboarding/impact";
import type { WorkfrontUser } from "@/lib/workfront";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { recordAttempt } from "@/lib/audit";
import { tryLockPeople, unlockPeople } from "@/lib/offboarding/person-locks";
import type { ScheduleActor } from "./events";
import { cancelSchedule, createSchedules, editSchedule } from "./store";
import { createScheduleRunner } from "./worker";

/**
 * Issue 17's scheduler against the emulator, on Postgres (two runners are two connections of the pool). Due times are set relative to the
 * database's clock (`now()`), which is the runner's clock, so nothing depends on the day the test
 * runs; "the app was stopped across the due time" is a due time already in the past when the
 * runner first looks. Runners are driven tick by tick: no sleeping.
 */
let emulator: RunningEmulator;
let people: WorkfrontUser[] = [];
let blocked: string[] = [];

const operator: ScheduleActor = { accountId: null, email: "operator@example.com", role: "operator", requestId: "test-request", clientIp: "127.0.0.1" };

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 400, latencyMs: 0, seed: 17 });
  const client = clientFor(emulator);
  const candidates = await client.searchUsers({ filters: [{ field: "isActive", op: "eq", value: true }], limit: 400 });
  const workers = candidates.filter((user) => !user.accessLevel?.isAdmin && user.email);
  const impact = await checkPeople(client, workers.map((user) => user.id));
  blocked = workers.filter((user) => (impact.get(user.id)?.blocking ?? 0) > 0).map((user) => user.id);
  people = workers.filter((user) => (impact.get(user.id)?.blocking ?? 0) === 0);
});
afterAll(async () => {
  await emulator?.close();
});

withTestDatabase("scheduled deactivations", ({ db }) => {
  let next = 0;
  const take = (n: number) => {
    const taken = people.slice(next, next + n);
    next += n;
    expect(taken).toHaveLength(n);
    return taken;
  };
  const deps = (protectedUsers: string[] = []): OffboardingDeps => ({
    db: db(),
    client: clientFor(emulator, { timeoutMs: 2_000, deadlineMs: 5_000, maxRetries: 1 }),
    protectedUsers,
    personLock: { leaseMs: 30_000, waitMs: 10_000, pollMs: 10 },
  });
  const runner = (owner: string, protectedUsers: string[] = []) => createScheduleRunner({ deps: deps(protectedUsers), owner, retryBaseMs: 0, retryCapMs: 0, probeMs: 0 });
  const inAnHour = () => new Date(Date.now() + 3_600_000);

  async function schedule(targets: WorkfrontUser[], policy: "deactivate_anyway" | "hold" = "deactivate_anyway", actor: ScheduleActor = operator) {
    return createSchedules(db(), {
      targets: targets.map((user) => ({ id: user.id, name: user.name, email: user.email })),
      dueAt: inAnHour(),
      timeZone: "Europe/Berlin",
      policy,
      reason: "Last day",
      ticket: "HR-17",
      actor,
    });
  }
  /** Moves schedules' due time relative to the database's clock (negative: already past). */
  async function dueIn(ids: string[], seconds: number) {
    for (const id of ids) {
      await db()
        .update(scheduledDeactivations)
        .set({ dueAt: sql`now() + ${seconds} * interval '1 second'` })
        .where(eq(scheduledDeactivations.id, id));
    }
  }
  const stateOf = async (id: string) => (await db().select().from(scheduledDeactivations).where(eq(scheduledDeactivations.id, id)))[0]!;
  const eventsOf = (id: string) => db().select().from(auditEvents).where(eq(auditEvents.scheduleId, id)).orderBy(asc(auditEvents.id));
  const isActive = async (id: string) => (await control<{ isActive: boolean }>(emulator, "GET", `users/${id}`)).isActive;

  it(`edits and cancels until it starts, each change audited; one open schedule per person`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    const later = new Date(row!.dueAt.getTime() + 86_400_000);
    await editSchedule(db(), row!.id, { dueAt: later, policy: "hold" }, operator);
    await expect(schedule([person!])).rejects.toMatchObject({ status: 409, code: "already_scheduled" });
    await expect(editSchedule(db(), row!.id, { dueAt: new Date(Date.now() - 60_000) }, operator)).rejects.toMatchObject({ code: "due_in_past" });
    await cancelSchedule(db(), row!.id, operator);
    await expect(cancelSchedule(db(), row!.id, operator)).rejects.toMatchObject({ status: 409, code: "schedule_started" });
    const events = await eventsOf(row!.id);
    expect(events.map((event) => event.action)).toEqual(["schedule_created", "schedule_edited", "schedule_cancelled"]);
    expect(events[1]!.detail).toMatchObject({ dueAt: later.toISOString(), policy: "hold", before: { dueAt: row!.dueAt.toISOString(), policy: "deactivate_anyway" } });
    expect(events.every((event) => event.actorEmail === "operator@example.com" && event.outcome === "succeeded")).toBe(true);
    // Cancelled: the runner never touches it, even once its time has passed.
    await dueIn([row!.id], -1);
    expect((await runner("r-cancel").tick()).claimed).toBe(0);
    expect(await isActive(person!.id)).toBe(true);
  });

  it(`refuses a time in the past: that is "deactivate now"`, async () => {
    const [person] = take(1);
    await expect(
      createSchedules(db(), { targets: [{ id: person!.id, name: null, email: null }], dueAt: new Date(Date.now() - 1_000), timeZone: "UTC", policy: "deactivate_anyway", reason: "x", ticket: null, actor: operator }),
    ).rejects.toMatchObject({ status: 422, code: "due_in_past" });
  });

  it(`at its time: deactivates, reads back isActive:false and records it as the proof; not before`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    const early = await runner("r-early").tick();
    expect(early.claimed).toBe(0);
    await dueIn([row!.id], -1);
    const report = await runner("r-due").tick();
    expect(report).toMatchObject({ claimed: 1, ran: 1 });
    expect(await isActive(person!.id)).toBe(false);
    expect(await stateOf(row!.id)).toMatchObject({ state: "done", attempts: 1, leaseOwner: null });
    const events = await eventsOf(row!.id);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["schedule_created", "succeeded"],
      ["deactivate", "succeeded"],
      ["schedule_ran", "succeeded"],
    ]);
    expect(events[2]).toMatchObject({ isActiveAfter: false, detail: { late: false, readBack: { isActive: false } } });
    expect((await runner("r-again").tick()).claimed).toBe(0);
  });

  it(`the app stopped across the due time: runs once when it starts, marked late, overdue recorded once`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -3_600);
    const first = await runner("r-restart").tick();
    expect(first).toMatchObject({ overdue: 1, ran: 1 });
    await runner("r-restart-2").tick();
    const events = await eventsOf(row!.id);
    expect(events.map((event) => event.action)).toEqual(["schedule_created", "schedule_overdue", "deactivate", "schedule_ran"]);
    expect(events[3]!.detail).toMatchObject({ late: true });
    expect(await isActive(person!.id)).toBe(false);
  });

  it(`two runners racing over the same due schedules: each runs exactly once`, async () => {
    const group = take(12);
    const rows = await schedule(group);
    await dueIn(rows.map((row) => row.id), -1);
    const a = createScheduleRunner({ deps: deps(), owner: "racer-a", claimLimit: 3, chunkSize: 2, concurrency: 2, retryBaseMs: 0, retryCapMs: 0 });
    const b = createScheduleRunner({ deps: deps(), owner: "racer-b", claimLimit: 3, chunkSize: 2, concurrency: 2, retryBaseMs: 0, retryCapMs: 0 });
    let ran = 0;
    for (let round = 0; round < 20 && ran < 12; round += 1) {
      const [ra, rb] = await Promise.all([a.tick(), b.tick()]);
      ran += ra.ran + rb.ran;
    }
    expect(ran).toBe(12);
    for (const row of rows) {
      const events = await eventsOf(row.id);
      expect(events.filter((event) => event.action === "schedule_ran")).toHaveLength(1);
      expect(events.filter((event) => event.action === "deactivate" && event.outcome === "succeeded")).toHaveLength(1);
      expect(await stateOf(row.id)).toMatchObject({ state: "done", attempts: 1 });
    }
  });

  it(`a runner that died mid-run: its lease expires, the next finds the person inactive, never deactivates twice`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1);
    // A runner claimed it, deactivated through another path, then died before recording anything.
    await db().update(scheduledDeactivations).set({ state: "running", leaseOwner: "dead", leaseExpiresAt: sql`now() - interval '1 second'`, attempts: 1, startedAt: sql`now()` }).where(eq(scheduledDeactivations.id, row!.id));
    await clientFor(emulator).updateUser(person!.id, { isActive: false });
    expect((await runner("r-heir").tick()).ran).toBe(1);
    const events = await eventsOf(row!.id);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["schedule_created", "succeeded"],
      ["deactivate", "already"],
      ["schedule_ran", "already"],
    ]);
  });

  it(`Workfront down at the due time: retried, overdue, then runs once it is back`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1_200);
    await control(emulator, "PATCH", "config", { faultRate: 1, faultKinds: ["error500"] });
    try {
      const down = await runner("r-down").tick();
      expect(down).toMatchObject({ overdue: 1, retried: 1, ran: 0 });
      expect(await stateOf(row!.id)).toMatchObject({ state: "scheduled", lastErrorCode: "unavailable" });
      expect((await runner("r-down").tick()).retried).toBe(1);
    } finally {
      await control(emulator, "PATCH", "config", { faultRate: 0 });
    }
    const back = await runner("r-back").tick();
    expect(back).toMatchObject({ ran: 1, overdue: 0 });
    const events = await eventsOf(row!.id);
    expect(events.filter((event) => event.action === "schedule_overdue")).toHaveLength(1);
    expect(events.filter((event) => event.action === "schedule_ran")).toHaveLength(1);
    expect(events.at(-1)!.detail).toMatchObject({ late: true });
    expect(await isActive(person!.id)).toBe(false);
  });

  it(`credential refused: paused (not failed), then runs when the credential works`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1);
    await control(emulator, "POST", "api-keys/expire");
    try {
      expect((await runner("r-auth").tick()).paused).toBe(1);
      expect(await stateOf(row!.id)).toMatchObject({ state: "paused_auth", lastErrorCode: "auth", attempts: 0 });
      expect((await runner("r-auth").tick())).toMatchObject({ claimed: 0, resumed: 0 });
    } finally {
      await control(emulator, "POST", "api-keys/restore");
    }
    expect(await runner("r-auth").tick()).toMatchObject({ resumed: 1, ran: 1 });
    expect(await stateOf(row!.id)).toMatchObject({ state: "done", attempts: 1 });
    expect(await isActive(person!.id)).toBe(false);
  });

  it(`a credential pause tries the credential once per probe interval, by an injected clock`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1);
    let clock = 0;
    const paced = createScheduleRunner({ deps: deps(), owner: "r-paced", retryBaseMs: 0, retryCapMs: 0, probeMs: 10_000, now: () => clock });
    await control(emulator, "POST", "api-keys/expire");
    try {
      expect((await paced.tick()).paused).toBe(1);
    } finally {
      await control(emulator, "POST", "api-keys/restore");
    }
    // The credential works again, but the next probe is not due yet: nothing resumes.
    clock = 9_999;
    expect(await paced.tick()).toMatchObject({ resumed: 0, claimed: 0 });
    clock = 10_000;
    expect(await paced.tick()).toMatchObject({ resumed: 1, ran: 1 });
  });

  it(`policy hold: blocking open work at the due time holds it and changes nothing; edited, it is planned again`, async () => {
    const target = blocked[0];
    expect(target).toBeDefined();
    const [row] = await createSchedules(db(), { targets: [{ id: target!, name: null, email: null }], dueAt: inAnHour(), timeZone: "UTC", policy: "hold", reason: "Last day", ticket: null, actor: operator });
    await dueIn([row!.id], -1);
    expect((await runner("r-hold").tick()).held).toBe(1);
    expect(await stateOf(row!.id)).toMatchObject({ state: "held" });
    expect(await isActive(target!)).toBe(true);
    const held = (await eventsOf(row!.id)).at(-1)!;
    expect(held).toMatchObject({ action: "schedule_held", outcome: "refused" });
    expect((held.detail as { blocking: number }).blocking).toBeGreaterThan(0);
    await editSchedule(db(), row!.id, { dueAt: inAnHour(), policy: "deactivate_anyway" }, operator);
    expect(await stateOf(row!.id)).toMatchObject({ state: "scheduled", policy: "deactivate_anyway" });
    await cancelSchedule(db(), row!.id, operator);
  });

  it(`a protected person at the due time: refused and failed, audited, not deactivated`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1);
    expect((await runner("r-protected", [person!.id]).tick()).failed).toBe(1);
    expect(await stateOf(row!.id)).toMatchObject({ state: "failed", lastErrorCode: "configured" });
    const events = await eventsOf(row!.id);
    expect(events.map((event) => [event.action, event.outcome])).toEqual([
      ["schedule_created", "succeeded"],
      ["deactivate", "refused"],
      ["schedule_failed", "failed"],
    ]);
    expect(await isActive(person!.id)).toBe(true);
    const stillThere = await db().select().from(auditEvents).where(and(eq(auditEvents.targetId, person!.id), eq(auditEvents.action, "schedule_ran")));
    expect(stillThere).toEqual([]);
  });

  it(`schedules due together run as one batch: a bulk edit per chunk, each with its own audit row and read-back proof`, async () => {
    const group = take(60);
    const rows = await schedule(group);
    await dueIn(rows.map((row) => row.id), -1);
    await control(emulator, "POST", "stats/reset");
    const report = await createScheduleRunner({ deps: deps(), owner: "r-batch", chunkSize: 25, concurrency: 3, retryBaseMs: 0, retryCapMs: 0, probeMs: 0 }).tick();
    expect(report).toMatchObject({ claimed: 60, ran: 60, failed: 0, retried: 0 });
    const stats = await control<{ byRoute: Record<string, number> }>(emulator, "GET", "stats");
    // Three chunks: three bulk edits, no PUT per person.
    const puts = Object.entries(stats.byRoute).filter(([route]) => route.startsWith("PUT"));
    expect(puts).toEqual([["PUT USER", 3]]);
    // The proof for all 60: one count of those inactive after the writes (read-back.ts), no search.
    expect(stats.byRoute["GET USER/count"]).toBe(1);
    for (const row of rows) {
      const events = await eventsOf(row.id);
      expect(events.map((event) => [event.action, event.outcome])).toEqual([
        ["schedule_created", "succeeded"],
        ["deactivate", "succeeded"],
        ["schedule_ran", "succeeded"],
      ]);
      expect(events[1]).toMatchObject({ isActiveBefore: true, isActiveAfter: false, requestId: `schedule:${row.id}`, actorEmail: "operator@example.com" });
      expect(events[1]!.snapshot).not.toBeNull();
      expect(events[1]!.openWork).toMatchObject({ blocking: 0, override: null });
      expect(events[2]).toMatchObject({ isActiveAfter: false, detail: { late: false, readBack: { isActive: false } } });
    }
    for (const person of group) expect(await isActive(person.id)).toBe(false);
  });

  it(`an answer lost mid-run: the next run completes the pending audit row written before the write, never a second one`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1);
    // A runner claimed it, wrote its pending row and the bulk edit, then died before the answer.
    await db().update(scheduledDeactivations).set({ state: "running", leaseOwner: "dead", leaseExpiresAt: sql`now() - interval '1 second'`, attempts: 1, startedAt: sql`now()` }).where(eq(scheduledDeactivations.id, row!.id));
    const pending = await recordAttempt(db(), {
      action: "deactivate",
      actorEmail: "operator@example.com",
      actorRole: "operator",
      targetId: person!.id,
      reason: "Last day",
      requestId: `schedule:${row!.id}`,
      scheduleId: row!.id,
      isActiveBefore: true,
    });
    await clientFor(emulator).updateUser(person!.id, { isActive: false });
    expect((await runner("r-settle").tick()).ran).toBe(1);
    const events = await eventsOf(row!.id);
    expect(events.map((event) => [event.id === pending.id ? "pending row" : event.action, event.outcome])).toEqual([
      ["schedule_created", "succeeded"],
      ["pending row", "succeeded"],
      ["schedule_ran", "succeeded"],
    ]);
  });

  it(`a person another action holds: given back for a moment (not an attempt), then run`, async () => {
    const [person] = take(1);
    const [row] = await schedule([person!]);
    await dueIn([row!.id], -1);
    await tryLockPeople(db(), "someone-else", [person!.id], 30_000);
    try {
      expect(await runner("r-busy").tick()).toMatchObject({ claimed: 1, ran: 0, retried: 1 });
      expect(await stateOf(row!.id)).toMatchObject({ state: "scheduled", attempts: 0 });
      expect(await isActive(person!.id)).toBe(true);
    } finally {
      await unlockPeople(db(), "someone-else", [person!.id]);
    }
    await db().update(scheduledDeactivations).set({ availableAt: sql`now()` }).where(eq(scheduledDeactivations.id, row!.id));
    expect(await runner("r-busy").tick()).toMatchObject({ ran: 1 });
    expect(await stateOf(row!.id)).toMatchObject({ state: "done", attempts: 1 });
  });

  it(`"deactivate anyway" with blocking open work: an operator's schedule is refused (the gate needs an admin), an admin's runs with the override as evidence`, async () => {
    const [ofOperator, ofAdmin] = [blocked[1], blocked[2]];
    expect(ofAdmin).toBeDefined();
    const target = (id: string) => ({ id, name: null, email: null }) as unknown as WorkfrontUser;
    const [refused] = await schedule([target(ofOperator!)]);
    const admin: ScheduleActor = { ...operator, email: "admin@example.com", role: "admin" };
    const [overridden] = await schedule([target(ofAdmin!)], "deactivate_anyway", admin);
    await dueIn([refused!.id, overridden!.id], -1);
    expect(await runner("r-anyway").tick()).toMatchObject({ claimed: 2, ran: 1, failed: 1 });
    expect(await stateOf(refused!.id)).toMatchObject({ state: "failed", lastErrorCode: "open_work_blocking" });
    expect(await isActive(ofOperator!)).toBe(true);
    const refusedEvents = await eventsOf(refused!.id);
    expect(refusedEvents.map((event) => [event.action, event.outcome])).toEqual([
      ["schedule_created", "succeeded"],
      ["deactivate", "refused"],
      ["schedule_failed", "failed"],
    ]);
    expect(refusedEvents[1]).toMatchObject({ refusedCode: "open_work_blocking" });
    expect((refusedEvents[1]!.openWork as { blocking: number }).blocking).toBeGreaterThan(0);
    expect(await isActive(ofAdmin!)).toBe(false);
    const ran = await eventsOf(overridden!.id);
    expect(ran.map((event) => [event.action, event.outcome])).toEqual([
      ["schedule_created", "succeeded"],
      ["deactivate", "succeeded"],
      ["schedule_ran", "succeeded"],
    ]);
    expect(ran[1]!.openWork).toMatchObject({ override: { reason: expect.stringContaining("deactivate anyway") } });
  });
});
