import { asc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, auditEvents, jobItems, jobs } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { cancelJob } from "./actions";
import { CANCELLED_MESSAGE } from "./audit-rows";
import { insertJob } from "./create-job";
import { loadJobContexts } from "./job-context";
import { type ItemOutcome, applyOutcomes, prepareWrites } from "./record-outcomes";
import { claimJobs, person } from "./test-chunk-workfront";
import { operator } from "./test-support";

/** The database side of a chunk, called directly: the pending rows before the writes, and every item's outcome. */
let handle: DatabaseHandle;
const db = () => handle.db;
const owner = "outcomes-test";

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

async function newJob(numbers: number[]) {
  return insertJob(db(), { kind: "deactivate", targets: numbers.map((n) => ({ id: person(n).id })), reason: "Team closed", ticket: "HR-1", actor: operator });
}

/** The claimed items of the jobs, each with its job as loaded now and the person Workfront would answer. */
async function candidatesOf(jobIds: string[]) {
  const claimed = await claimJobs(db(), jobIds, owner);
  const contexts = await loadJobContexts(db(), jobIds);
  return claimed
    .map((item) => ({ item, job: contexts.get(item.jobId)!, user: person(parseInt(item.targetId, 16)) }))
    .sort((a, b) => a.item.targetId.localeCompare(b.item.targetId));
}

async function itemsOf(jobId: string) {
  return db().select().from(jobItems).where(eq(jobItems.jobId, jobId)).orderBy(asc(jobItems.position));
}

async function auditOf(jobIds: string[]) {
  return db().select().from(auditEvents).where(inArray(auditEvents.jobId, jobIds)).orderBy(asc(auditEvents.targetId));
}

const settings = { owner, maxAttempts: 3, retryDelayMs: () => 0 };

describe("prepareWrites", () => {
  it("gives nobody a row when there is nobody to write", async () => {
    expect(await prepareWrites(db(), owner, [])).toEqual({ ready: [], cancelled: [] });
  });

  it("hands back as cancelled the people of a job cancelled since the chunk read it, and writes rows for the rest", async () => {
    const [kept, dropped] = [await newJob([0x201, 0x202]), await newJob([0x203, 0x204])];
    const candidates = await candidatesOf([kept, dropped]);
    expect(candidates).toHaveLength(4);
    // Cancel comes after the chunk loaded its jobs: the contexts still say not cancelled.
    await cancelJob(db(), dropped, operator);

    const { ready, cancelled } = await prepareWrites(db(), owner, candidates);
    const ofDropped = candidates.filter((c) => c.job.id === dropped);
    expect(cancelled).toEqual(
      ofDropped.map((c) => ({ ...c, type: "final", state: "cancelled", isActiveAfter: true, error: { code: "cancelled", message: CANCELLED_MESSAGE } })),
    );
    expect(ready.map((r) => r.item.targetId)).toEqual([person(0x201).id, person(0x202).id]);
    const rows = await auditOf([kept, dropped]);
    expect(rows.map((row) => [row.targetId, row.outcome, row.isActiveBefore, row.ticket])).toEqual([
      [person(0x201).id, "pending", true, "HR-1"],
      [person(0x202).id, "pending", true, "HR-1"],
    ]);
    expect(ready.map((r) => [r.auditEventId, r.item.auditEventId])).toEqual(rows.map((row) => [row.id, row.id]));
    expect((await itemsOf(kept)).map((item) => [item.auditEventId, item.targetName, item.targetEmail])).toEqual(
      rows.map((row, i) => [row.id, person(0x201 + i).name, person(0x201 + i).email]),
    );
    expect((await itemsOf(dropped)).map((item) => [item.state, item.auditEventId, item.targetName])).toEqual([
      ["running", null, null],
      ["running", null, null],
    ]);
  });
});

describe("applyOutcomes", () => {
  it("does nothing for no outcomes", async () => {
    expect(await applyOutcomes(db(), settings, [])).toEqual({ lost: 0, paused: [] });
  });

  it("fails a transient failure on the last attempt, with a completed row, and sends it back before", async () => {
    const [last, early] = [await newJob([0x211, 0x212]), await newJob([0x213, 0x214])];
    const candidates = await candidatesOf([last, early]);
    const error = { code: "timeout", message: "No answer within 30 s" };
    // One of each job was read (its user known), the other not.
    const outcomes: ItemOutcome[] = candidates.map((c, i) => ({ type: "retry", item: c.item, job: c.job, user: i % 2 === 0 ? c.user : null, error }));
    const finalOnes = outcomes.filter((o) => o.job.id === last);
    const earlyOnes = outcomes.filter((o) => o.job.id === early);
    // Every item is on its first attempt: at most one attempt fails it, at most two sends it back.
    expect(await applyOutcomes(db(), { ...settings, maxAttempts: 1 }, finalOnes)).toEqual({ lost: 0, paused: [] });
    expect(await applyOutcomes(db(), { ...settings, maxAttempts: 2 }, earlyOnes)).toEqual({ lost: 0, paused: [] });

    const failed = await itemsOf(last);
    expect(failed.map((item) => [item.state, item.attempts, item.errorCode, item.errorMessage, item.targetName, item.targetEmail, item.leaseExpiresAt])).toEqual([
      ["failed", 1, "timeout", "No answer within 30 s", person(0x211).name, person(0x211).email, null],
      ["failed", 1, "timeout", "No answer within 30 s", null, null, null],
    ]);
    const rows = await auditOf([last, early]);
    expect(rows.map((row) => [row.id, row.targetId, row.outcome, row.errorCode, row.errorMessage, row.isActiveBefore])).toEqual([
      [failed[0]!.auditEventId, person(0x211).id, "failed", "timeout", "No answer within 30 s", true],
      [failed[1]!.auditEventId, person(0x212).id, "failed", "timeout", "No answer within 30 s", null],
    ]);

    expect((await itemsOf(early)).map((item) => [item.state, item.attempts, item.errorCode, item.leaseOwner, item.targetName, item.targetEmail, item.auditEventId])).toEqual([
      ["pending", 1, "timeout", null, person(0x213).name, person(0x213).email, null],
      ["pending", 1, "timeout", null, null, null, null],
    ]);
  });

  it("records a final outcome with the person as Workfront answered", async () => {
    const jobId = await newJob([0x221]);
    const [c] = await candidatesOf([jobId]);
    const inactive = { ...c!.user, isActive: false, email: "renamed@acme.example" };
    await applyOutcomes(db(), settings, [{ type: "final", state: "already", item: c!.item, job: c!.job, user: inactive, isActiveAfter: false }]);
    const [item] = await itemsOf(jobId);
    expect(item).toMatchObject({ state: "already", targetName: inactive.name, targetEmail: "renamed@acme.example", errorCode: null, leaseExpiresAt: null });
    const rows = await auditOf([jobId]);
    expect(rows.map((row) => [row.id, row.outcome, row.targetEmail, row.isActiveBefore, row.isActiveAfter])).toEqual([[item!.auditEventId, "already", "renamed@acme.example", false, false]]);
  });

  it("gives back the claims of a refused credential and pauses their job once", async () => {
    const jobId = await newJob([0x231, 0x232]);
    const candidates = await candidatesOf([jobId]);
    const error = { code: "auth", message: "The API key has expired" };
    const result = await applyOutcomes(db(), settings, candidates.map((c) => ({ type: "release", item: c.item, job: c.job, error })));
    expect(result).toEqual({ lost: 0, paused: [jobId] });
    expect((await itemsOf(jobId)).map((item) => [item.state, item.attempts, item.errorCode, item.errorMessage, item.leaseOwner])).toEqual([
      ["pending", 0, "auth", "The API key has expired", null],
      ["pending", 0, "auth", "The API key has expired", null],
    ]);
    const [job] = await db().select().from(jobs).where(eq(jobs.id, jobId));
    expect(job).toMatchObject({ status: "paused_auth", lastErrorCode: "auth" });
    expect(await auditOf([jobId])).toEqual([]);
  });

  it("gives back two people another action holds, without counting an attempt", async () => {
    const jobId = await newJob([0x241, 0x242]);
    const candidates = await candidatesOf([jobId]);
    expect(await applyOutcomes(db(), settings, candidates.map((c) => ({ type: "defer", item: c.item, job: c.job })))).toEqual({ lost: 0, paused: [] });
    expect((await itemsOf(jobId)).map((item) => [item.state, item.attempts, item.leaseOwner, item.errorCode])).toEqual([
      ["pending", 0, null, null],
      ["pending", 0, null, null],
    ]);
  });
});
