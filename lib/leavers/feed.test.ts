import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { createAccount } from "@/lib/auth/accounts";
import { auditEvents, jobItems, jobs, leaverRequests, scheduledDeactivations } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { JobActor } from "@/lib/jobs/events";
import { expectJobConsistent, jobStatus, storedUsers, waitFor } from "@/lib/jobs/test-support";
import { startWorker } from "@/lib/jobs/worker";
import { blockingOf, checkPeople } from "@/lib/offboarding/impact";
import { requestReassignment } from "@/lib/reassign/request";
import type { WorkfrontUser } from "@/lib/workfront";
import { clientFor, startTestEmulator } from "@/lib/workfront/test-support";
import { dayIn } from "@/lib/time/zoned-day";
import { type FeedPlan, type LeaversAnswerDto, lastDayAhead, planFeed, runFeed } from "./feed";
import { gateFeed } from "./feed-gate";
import { claimKey, idempotencyScope, releaseKey, requestHash } from "./idempotency";
import { type LeaversBody, leaversBodySchema } from "./schemas";

/** The leavers feed: matched like an import, one job for today's leavers (through POST /api/jobs's gate), idempotent by key. */
let emulator: RunningEmulator;
/** Ordinary active people without blocking open work, and those with it (the gate would refuse them). */
let active: WorkfrontUser[];
let blocked: WorkfrontUser[];
beforeAll(async () => {
  emulator = await startTestEmulator({ users: 100 });
  const client = clientFor(emulator);
  const people = await client.searchUsers({ filters: [{ field: "isActive", value: true }], sort: [{ field: "ID", direction: "asc" }], limit: 200 });
  const ordinary = people.filter((u) => u.email && u.username && !u.accessLevel?.isAdmin && u.id !== emulator.integrationUser.ID && u.id !== emulator.adminUserID);
  const impact = await checkPeople(client, ordinary.map((u) => u.id));
  const blocks = (u: WorkfrontUser) => blockingOf(impact.get(u.id)!).length > 0;
  active = ordinary.filter((u) => !blocks(u));
  blocked = ordinary.filter(blocks);
  expect([active.length, blocked.length].map((n) => n >= 3)).toEqual([true, true]);
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
  /** The route's order: matched, then through the gate with the names the job will show. */
  const gate = (plan: FeedPlan, override: { reason: string } | null = null) => gateFeed({ db: db(), client: clientFor(emulator) }, plan, new Map(), override);

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
    const answer = await runFeed(db(), await gate(plan), { scope, key: "key-1", body, actor, rules, names: new Map(), timeZone: "UTC" });
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
    const kept = (await runFeed(db(), await gate(await planFeed(deps(), again, "operator", today)), { scope, key: "key-1b", body: again, actor, rules, names: new Map(), timeZone: "UTC" })).body as LeaversAnswerDto;
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
    await expect(runFeed(db(), await gate(plan), { scope, key: "key-2", body, actor, rules, names: new Map(), timeZone: "UTC" })).rejects.toMatchObject({ status: 400 });
    expect(await db().$count(jobs)).toBe(jobsBefore);
    // The route gives the key back after an error, so the corrected body may use it.
    await releaseKey(db(), scope, "key-2");
    const confirmed = { ...body, confirmCount: 4 };
    expect(await claimKey(db(), scope, "key-2", requestHash(confirmed))).toEqual({ kind: "claimed" });
    expect((await runFeed(db(), await gate(plan), { scope, key: "key-2", body: confirmed, actor, rules, names: new Map(), timeZone: "UTC" })).status).toBe(201);

    const many = leaversBodySchema.parse({ people: active.slice(20, 26).map((u) => ({ workfrontId: u.id })), reason: "Site closed", confirmCount: 6 });
    const big = await planFeed(deps(), many, "operator", dayFromToday(0));
    await claimKey(db(), scope, "key-3", requestHash(many));
    await expect(runFeed(db(), await gate(big), { scope, key: "key-3", body: many, actor, rules, names: new Map(), timeZone: "UTC" })).rejects.toMatchObject({ status: 403, code: "over_hard_cap" });
  });

  it("answers 200 with no job when nobody is to go today, and a key still being answered is 409", async () => {
    const body = leaversBodySchema.parse({ people: [{ email: "nobody@nowhere.example" }], reason: "Left" });
    const scope = "account:x";
    await claimKey(db(), scope, "key-4", requestHash(body));
    await expect(claimKey(db(), scope, "key-4", requestHash(body))).rejects.toMatchObject({ status: 409, code: "idempotency_in_progress" });
    const answer = await runFeed(db(), await gate(await planFeed(deps(), body, "operator", dayFromToday(0))), { scope, key: "key-4", body, actor, rules, names: new Map(), timeZone: "UTC" });
    expect(answer).toMatchObject({ status: 200, jobId: null, body: { job: null, counts: { not_found: 1 } } });
    const [row] = await db().select().from(leaverRequests).where(eq(leaverRequests.idempotencyKey, "key-4"));
    expect(row).toMatchObject({ responseStatus: 200, jobId: null });
  });
  it("leaves a person with blocking open work out of the job and answers why, nothing written for them; the rest are deactivated with their audit rows; the same key replays it", async () => {
    const [a, b] = active.slice(30, 32);
    const [x] = blocked;
    const body = leaversBodySchema.parse({ people: [{ workfrontId: a!.id }, { email: x!.email! }, { username: b!.username! }], reason: "Left the company", ticket: "HR-16" });
    const scope = idempotencyScope({ id: actor.accountId!, token: { id: "hr" } });
    await claimKey(db(), scope, "key-gate", requestHash(body));
    const gated = await gate(await planFeed(deps(), body, "operator", dayFromToday(0)));
    expect(gated.now).toEqual([a!.id, b!.id]);
    const answer = await runFeed(db(), gated, { scope, key: "key-gate", body, actor, rules, names: new Map(), timeZone: "UTC" });
    expect(answer.status).toBe(201);
    const dto = answer.body as LeaversAnswerDto;
    expect(dto.people.map((p) => p.state)).toEqual(["will_deactivate", "blocked_open_work", "will_deactivate"]);
    expect(dto.counts).toEqual({ will_deactivate: 2, blocked_open_work: 1 });
    const impact = (await checkPeople(clientFor(emulator), [x!.id])).get(x!.id)!;
    expect(dto.people[1]).toMatchObject({ code: "open_work_blocking", user: { id: x!.id }, blocking: blockingOf(impact), holdsWorkOf: null, schedule: null });
    expect(dto.people[1]!.reason).toMatch(/blocks deactivation/);
    expect(dto.people[0]).toMatchObject({ blocking: null, holdsWorkOf: null });

    // The job holds the others only, each with the gate's reading as evidence for their audit row.
    const items = await db().select().from(jobItems).where(eq(jobItems.jobId, answer.jobId!));
    expect(items.map((item) => item.targetId).sort()).toEqual([a!.id, b!.id].sort());
    for (const item of items) expect(item.openWork).toMatchObject({ blocking: 0, override: null });
    const before = new Map([...(await storedUsers(emulator, [a!.id, b!.id]))].map(([id, user]) => [id, user.isActive]));
    const worker = startWorker({ deps: { db: db(), client: clientFor(emulator), protectedUsers: [] }, pollMs: 20, retryBaseMs: 10 });
    try {
      await waitFor("the feed's job to complete", async () => (await jobStatus(db(), answer.jobId!)) === "completed");
    } finally {
      await worker.stop();
    }
    const { counts } = await expectJobConsistent(db(), emulator, answer.jobId!, before);
    expect(counts).toEqual({ succeeded: 2 });
    // The blocked person: still active, and no audit row of any kind names them.
    expect((await storedUsers(emulator, [x!.id])).get(x!.id)?.isActive).toBe(true);
    expect(await db().$count(auditEvents, eq(auditEvents.targetId, x!.id))).toBe(0);

    // The same key and body: the stored answer, blocked person included, and no new job.
    const jobsBefore = await db().$count(jobs);
    expect(await claimKey(db(), scope, "key-gate", requestHash(structuredClone(body)))).toEqual({ kind: "replay", status: 201, body: answer.body });
    expect(await db().$count(jobs)).toBe(jobsBefore);
  });

  it("answers 200 with no job when everyone is blocked; an admin's override lets them in, the override kept as each one's evidence", async () => {
    const [x, y] = blocked.slice(1, 3);
    const body = leaversBodySchema.parse({ people: [{ workfrontId: x!.id }, { workfrontId: y!.id }], reason: "Left the company" });
    const scope = "account:all-blocked";
    await claimKey(db(), scope, "key-none", requestHash(body));
    const none = await runFeed(db(), await gate(await planFeed(deps(), body, "operator", dayFromToday(0))), { scope, key: "key-none", body, actor, rules, names: new Map(), timeZone: "UTC" });
    expect(none).toMatchObject({ status: 200, jobId: null, body: { job: null, counts: { blocked_open_work: 2 } } });

    const admin: JobActor = { ...actor, role: "admin" };
    const overridden = { ...body, overrideOpenWork: { reason: "Approvals go to the deputy" } };
    await claimKey(db(), scope, "key-override", requestHash(overridden));
    const gated = await gate(await planFeed(deps(), overridden, "admin", dayFromToday(0)), overridden.overrideOpenWork);
    const answer = await runFeed(db(), gated, { scope, key: "key-override", body: overridden, actor: admin, rules, names: new Map(), timeZone: "UTC" });
    expect((answer.body as LeaversAnswerDto).counts).toEqual({ will_deactivate: 2 });
    const [job] = await db().select().from(jobs).where(eq(jobs.id, answer.jobId!));
    expect(job!.openWorkOverride).toBe("Approvals go to the deputy");
    const items = await db().select().from(jobItems).where(eq(jobItems.jobId, answer.jobId!));
    for (const item of items) expect(item.openWork).toMatchObject({ override: { reason: "Approvals go to the deputy" } });
  });

  it("leaves out a successor who holds work handed to them from another leaver of the same feed; that leaver goes", async () => {
    const client = clientFor(emulator);
    // Two unblocked people, the leaver holding open task assignments to hand over.
    const open = await client.searchWork("ASSGN", { fields: ["assignedToID"], filters: [{ field: "task:percentComplete", op: "lt", value: 100 }], limit: 2000 });
    const holders = new Set(open.map((row) => String(row.values.assignedToID)));
    const [leaver] = active.slice(40).filter((u) => holders.has(u.id));
    const [successor, other] = active.slice(40).filter((u) => u.id !== leaver?.id);
    expect(leaver).toBeDefined();
    await requestReassignment(
      { db: db(), client },
      { leavers: [{ leaverId: leaver!.id, successorId: successor!.id }], categories: ["taskAssignments"], actor: { accountId: null, email: actor.email, role: "operator" }, reason: "Left", ticket: null, requestId: "handover", clientIp: null },
    );
    const body = leaversBodySchema.parse({ people: [{ workfrontId: successor!.id }, { workfrontId: leaver!.id }, { workfrontId: other!.id }], reason: "Team closed" });
    const scope = "account:successor";
    await claimKey(db(), scope, "key-successor", requestHash(body));
    const gated = await gate(await planFeed(deps(), body, "operator", dayFromToday(0)));
    const answer = await runFeed(db(), gated, { scope, key: "key-successor", body, actor, rules, names: new Map(), timeZone: "UTC" });
    const dto = answer.body as LeaversAnswerDto;
    expect(dto.people.map((p) => p.state)).toEqual(["blocked_successor_in_job", "will_deactivate", "will_deactivate"]);
    expect(dto.people[0]).toMatchObject({ code: "successor_in_job", holdsWorkOf: [{ leaverId: leaver!.id, objects: expect.any(Number) }], blocking: null });
    expect(dto.people[0]!.holdsWorkOf![0]!.objects).toBeGreaterThan(0);
    const items = await db().select().from(jobItems).where(eq(jobItems.jobId, answer.jobId!));
    expect(items.map((item) => item.targetId).sort()).toEqual([leaver!.id, other!.id].sort());
    expect(await db().$count(jobItems, and(eq(jobItems.targetId, successor!.id)))).toBe(0);
  });
});
