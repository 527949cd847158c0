import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { createAccount } from "@/lib/auth/accounts";
import { jobItems, jobs, leaverRequests, scheduledDeactivations } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { JobActor } from "@/lib/jobs/events";
import type { WorkfrontUser } from "@/lib/workfront";
import { clientFor, startTestEmulator } from "@/lib/workfront/test-support";
import { dayIn } from "@/lib/time/zoned-day";
import { type LeaversAnswerDto, lastDayAhead, planFeed, runFeed } from "./feed";
import { claimKey, idempotencyScope, releaseKey, requestHash } from "./idempotency";
import { type LeaversBody, leaversBodySchema } from "./schemas";

/** The leavers feed: matched like an import, one job for today's leavers, idempotent by key. */
let emulator: RunningEmulator;
let active: WorkfrontUser[];
beforeAll(async () => {
  emulator = await startTestEmulator({ users: 60 });
  const client = clientFor(emulator);
  const people = await client.searchUsers({ filters: [{ field: "isActive", value: true }], sort: [{ field: "ID", direction: "asc" }], limit: 100 });
  active = people.filter((u) => u.email && u.username && !u.accessLevel?.isAdmin && u.id !== emulator.integrationUser.ID && u.id !== emulator.adminUserID);
});
afterAll(async () => emulator?.close());

const rules = { confirmThreshold: 3, hardCap: 5 };
const TODAY = "2026-03-10";
/** For the feed's runs, which schedule on the database's clock: today and days around it, in UTC (APP_TIME_ZONE in tests). */
const dayFromToday = (days: number) => dayIn(new Date(Date.now() + days * 86_400_000), "UTC");

it("reads today's date in the app's time zone, and a last day today or later as not yet ended", () => {
  const lateEvening = new Date("2026-03-09T23:30:00Z");
  expect(dayIn(lateEvening, "UTC")).toBe("2026-03-09");
  expect(dayIn(lateEvening, "Europe/Berlin")).toBe("2026-03-10");
  expect(lastDayAhead("2026-03-10", TODAY)).toBe(true);
  expect(lastDayAhead("2026-03-09", TODAY)).toBe(false);
  expect(lastDayAhead(undefined, TODAY)).toBe(false);
});

it("takes exactly one of email, username or workfrontId per person", () => {
  const body = (person: object) => leaversBodySchema.safeParse({ people: [person], reason: "Left the company" }).success;
  expect(body({ email: "a@b.example" })).toBe(true);
  expect(body({ username: "jdoe", lastDay: "2026-03-10" })).toBe(true);
  expect(body({ email: "a@b.example", username: "jdoe" })).toBe(false);
  expect(body({})).toBe(false);
  expect(body({ username: "a,b" })).toBe(false);
  expect(body({ email: "a@b.example", lastDay: "10.03.2026" })).toBe(false);
});

withTestDatabase("the leavers feed", ({ db }) => {
  let actor: JobActor;
  beforeAll(async () => {
    const account = await createAccount(db(), { email: "hr-script@example.com", role: "operator", password: "a-long-enough-password" });
    actor = { accountId: account.id, email: account.email, role: "operator", requestId: "test", clientIp: null };
  });
  const deps = () => ({ client: clientFor(emulator), protectedUsers: [] });

  it("matches by e-mail, username and ID, deactivates today's leavers in one job, and schedules a future last day for its end", async () => {
    const [a, b, c, d] = active;
    const [today, yesterday, inThreeWeeks] = [dayFromToday(0), dayFromToday(-1), dayFromToday(21)];
    const body: LeaversBody = leaversBodySchema.parse({
      people: [
        { email: a!.email!.toUpperCase() },
        { username: b!.username!, lastDay: yesterday },
        { workfrontId: c!.id, lastDay: today },
        { email: "nobody@nowhere.example" },
        { workfrontId: a!.id },
        { email: d!.email!, lastDay: inThreeWeeks },
      ],
      reason: "Left the company",
      ticket: "HR-1",
    });
    const plan = await planFeed(deps(), body, "operator", today);
    expect(plan.now).toEqual([a!.id, b!.id]);
    expect(plan.future.map((f) => f.user.id)).toEqual([c!.id, d!.id]);
    const scope = idempotencyScope({ id: actor.accountId! });
    expect(await claimKey(db(), scope, "key-1", requestHash(body))).toEqual({ kind: "claimed" });
    const answer = await runFeed(db(), plan, { scope, key: "key-1", body, actor, rules, names: new Map(), timeZone: "UTC" });
    expect(answer.status).toBe(201);
    const dto = answer.body as LeaversAnswerDto;
    expect(dto.people.map((p) => p.state)).toEqual(["will_deactivate", "will_deactivate", "scheduled", "not_found", "duplicate", "scheduled"]);
    // A last day ends at the end of that day in the organisation's time zone (UTC here).
    expect(dto.people[2]).toMatchObject({ lastDay: today, user: { id: c!.id }, schedule: { dueAt: `${today}T23:59:59.999Z` } });
    expect(dto.people[5]).toMatchObject({ lastDay: inThreeWeeks, schedule: { dueAt: `${inThreeWeeks}T23:59:59.999Z` } });
    expect(dto.people[4]).toMatchObject({ duplicateOf: 0 });
    expect(dto.counts).toEqual({ will_deactivate: 2, scheduled: 2, not_found: 1, duplicate: 1 });
    const schedules = await db().select().from(scheduledDeactivations).where(inArray(scheduledDeactivations.targetId, [c!.id, d!.id]));
    expect(schedules.map((row) => [row.id, row.state, row.sourceName])).toEqual(
      expect.arrayContaining([[dto.people[2]!.schedule!.id, "scheduled", "POST /api/leavers"], [dto.people[5]!.schedule!.id, "scheduled", "POST /api/leavers"]]),
    );
    expect(dto.job).toMatchObject({ id: answer.jobId, kind: "deactivate" });
    const items = await db().select().from(jobItems).where(eq(jobItems.jobId, answer.jobId!));
    expect(items.map((item) => item.targetId).sort()).toEqual([a!.id, b!.id].sort());

    // The same key and body: the stored answer, and no second job or schedule.
    const [jobsBefore, schedulesBefore] = [await db().$count(jobs), await db().$count(scheduledDeactivations)];
    expect(await claimKey(db(), scope, "key-1", requestHash(structuredClone(body)))).toEqual({ kind: "replay", status: 201, body: answer.body });
    expect([await db().$count(jobs), await db().$count(scheduledDeactivations)]).toEqual([jobsBefore, schedulesBefore]);
    // Another request naming someone already scheduled keeps that schedule.
    const again = leaversBodySchema.parse({ people: [{ workfrontId: d!.id, lastDay: dayFromToday(30) }], reason: "Left the company" });
    await claimKey(db(), scope, "key-1b", requestHash(again));
    const kept = (await runFeed(db(), await planFeed(deps(), again, "operator", today), { scope, key: "key-1b", body: again, actor, rules, names: new Map(), timeZone: "UTC" })).body as LeaversAnswerDto;
    expect(kept.people[0]).toMatchObject({ state: "already_scheduled", schedule: dto.people[5]!.schedule });
    // The same key with another body is refused; another caller's same key is its own.
    await expect(claimKey(db(), scope, "key-1", requestHash({ ...body, reason: "Other" }))).rejects.toMatchObject({ status: 422, code: "idempotency_key_reused" });
    expect(await claimKey(db(), "token:00000000-0000-4000-8000-000000000001", "key-1", requestHash(body))).toEqual({ kind: "claimed" });
  });

  it("keeps the confirmation rules: above the threshold the count must be stated, above the hard cap operators are refused; a refusal writes nothing", async () => {
    const people = active.slice(10, 14).map((u) => ({ workfrontId: u.id }));
    const body = leaversBodySchema.parse({ people, reason: "Site closed" });
    const plan = await planFeed(deps(), body, "operator", dayFromToday(0));
    const scope = idempotencyScope({ id: actor.accountId!, token: { id: "t" } });
    await claimKey(db(), scope, "key-2", requestHash(body));
    const jobsBefore = await db().$count(jobs);
    await expect(runFeed(db(), plan, { scope, key: "key-2", body, actor, rules, names: new Map(), timeZone: "UTC" })).rejects.toMatchObject({ status: 400 });
    expect(await db().$count(jobs)).toBe(jobsBefore);
    // The route gives the key back after an error, so the corrected body may use it.
    await releaseKey(db(), scope, "key-2");
    const confirmed = { ...body, confirmCount: 4 };
    expect(await claimKey(db(), scope, "key-2", requestHash(confirmed))).toEqual({ kind: "claimed" });
    expect((await runFeed(db(), plan, { scope, key: "key-2", body: confirmed, actor, rules, names: new Map(), timeZone: "UTC" })).status).toBe(201);

    const many = leaversBodySchema.parse({ people: active.slice(20, 26).map((u) => ({ workfrontId: u.id })), reason: "Site closed", confirmCount: 6 });
    const big = await planFeed(deps(), many, "operator", dayFromToday(0));
    await claimKey(db(), scope, "key-3", requestHash(many));
    await expect(runFeed(db(), big, { scope, key: "key-3", body: many, actor, rules, names: new Map(), timeZone: "UTC" })).rejects.toMatchObject({ status: 403, code: "over_hard_cap" });
  });

  it("answers 200 with no job when nobody is to go today, and a key still being answered is 409", async () => {
    const body = leaversBodySchema.parse({ people: [{ email: "nobody@nowhere.example" }], reason: "Left" });
    const scope = "account:x";
    await claimKey(db(), scope, "key-4", requestHash(body));
    await expect(claimKey(db(), scope, "key-4", requestHash(body))).rejects.toMatchObject({ status: 409, code: "idempotency_in_progress" });
    const answer = await runFeed(db(), await planFeed(deps(), body, "operator", dayFromToday(0)), { scope, key: "key-4", body, actor, rules, names: new Map(), timeZone: "UTC" });
    expect(answer).toMatchObject({ status: 200, jobId: null, body: { job: null, counts: { not_found: 1 } } });
    const [row] = await db().select().from(leaverRequests).where(eq(leaverRequests.idempotencyKey, "key-4"));
    expect(row).toMatchObject({ responseStatus: 200, jobId: null });
  });
});
