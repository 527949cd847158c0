import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, accounts, apiTokens, jobEvents, jobItems, jobs } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";
import { insertJob } from "./create-job";
import type { JobActor } from "./events";
import { targetId } from "./test-rows";

let handle: DatabaseHandle;
let accountId: string;
let tokenId: string;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
  const [account] = await handle.db
    .insert(accounts)
    .values({ email: "feed-owner@example.com", role: "admin" })
    .returning({ id: accounts.id });
  accountId = account!.id;
  const [token] = await handle.db
    .insert(apiTokens)
    .values({
      name: "HR feed",
      role: "operator",
      tokenHash: "a".repeat(64),
      prefix: "wfo_aaaa",
      createdByAccountId: accountId,
      createdByEmail: "feed-owner@example.com",
      createdAt: new Date("2026-01-01T00:00:00.000Z"),
      expiresAt: new Date("2027-01-01T00:00:00.000Z"),
    })
    .returning({ id: apiTokens.id });
  tokenId = token!.id;
});

afterAll(async () => {
  await handle?.close();
});

const sessionActor: JobActor = {
  accountId: null,
  email: "Operator@Example.com",
  role: "operator",
  requestId: "request-1",
  clientIp: "127.0.0.1",
};

function evidence(override: OpenWorkEvidence["override"]): OpenWorkEvidence {
  return {
    counts: { approvalsAwaiting: override ? 2 : 0 },
    total: override ? 2 : 0,
    blocking: override ? 2 : 0,
    unavailable: [],
    checkedAt: "2026-03-02T10:00:00.000Z",
    override,
  };
}

async function readBack(jobId: string) {
  const db = handle.db;
  const [job] = await db.select().from(jobs).where(eq(jobs.id, jobId));
  const items = await db
    .select()
    .from(jobItems)
    .where(eq(jobItems.jobId, jobId))
    .orderBy(asc(jobItems.position));
  const events = await db.select().from(jobEvents).where(eq(jobEvents.jobId, jobId));
  return { job: job!, items, events };
}

describe("insertJob", () => {
  it("refuses a job without people, saying why", async () => {
    await expect(
      insertJob(handle.db, {
        kind: "deactivate",
        targets: [],
        reason: "r",
        ticket: null,
        actor: sessionActor,
      }),
    ).rejects.toThrow("A job needs at least one person");
  });

  it("a plain job: no token, no source file, no admins, nothing deferred or overridden, people unnamed until read", async () => {
    const jobId = await insertJob(handle.db, {
      kind: "deactivate",
      targets: [{ id: targetId(1) }, { id: targetId(2), name: null, email: null }],
      reason: "Contracts ended",
      ticket: null,
      actor: sessionActor,
    });
    const { job, items, events } = await readBack(jobId);
    expect(job).toMatchObject({
      kind: "deactivate",
      status: "queued",
      createdByAccountId: null,
      createdByEmail: "operator@example.com",
      createdByRole: "operator",
      createdByTokenId: null,
      reason: "Contracts ended",
      ticket: null,
      sourceName: null,
      requestId: "request-1",
      clientIp: "127.0.0.1",
      undoOf: null,
      totalItems: 2,
      includeAdmins: false,
      openWorkOverride: null,
      openWorkDeferred: false,
    });
    expect(
      items.map((item) => [
        item.position,
        item.targetId,
        item.targetName,
        item.targetEmail,
        item.state,
        item.openWork,
      ]),
    ).toEqual([
      [0, targetId(1), null, null, "pending", null],
      [1, targetId(2), null, null, "pending", null],
    ]);
    expect(events.map((event) => [event.action, event.detail])).toEqual([["created", { people: 2 }]]);
  });

  it("a job with every option: the token, source file, admins, deferral, override and undo are kept on the job and in its created event", async () => {
    const undone = await insertJob(handle.db, {
      kind: "deactivate",
      targets: [{ id: targetId(9) }],
      reason: "first",
      ticket: null,
      actor: sessionActor,
    });
    const overridden = evidence({ reason: "Approvals moved by hand", blocking: [] });
    const actor: JobActor = {
      accountId,
      email: "feed-owner@example.com",
      role: "operator",
      tokenId,
      requestId: "request-2",
      clientIp: null,
    };
    const jobId = await insertJob(handle.db, {
      kind: "deactivate",
      targets: [
        { id: targetId(3), name: "Ada Lovelace", email: "ada@example.com", openWork: overridden },
        { id: targetId(4), name: "Grace Hopper", email: null, openWork: evidence(null) },
        { id: targetId(5) },
        { id: targetId(6), name: "Alan Turing", email: "alan@example.com", openWork: overridden },
      ],
      reason: "Left",
      ticket: "HR-12",
      sourceName: "leavers.csv",
      actor,
      undoOf: undone,
      includeAdmins: true,
      openWorkOverride: "Signed off by the director",
      openWorkDeferred: true,
    });
    const { job, items, events } = await readBack(jobId);
    expect(job).toMatchObject({
      createdByAccountId: accountId,
      createdByEmail: "feed-owner@example.com",
      createdByTokenId: tokenId,
      ticket: "HR-12",
      sourceName: "leavers.csv",
      clientIp: null,
      undoOf: undone,
      totalItems: 4,
      includeAdmins: true,
      openWorkOverride: "Signed off by the director",
      openWorkDeferred: true,
    });
    expect(
      items.map((item) => [item.position, item.targetId, item.targetName, item.targetEmail, item.openWork]),
    ).toEqual([
      [0, targetId(3), "Ada Lovelace", "ada@example.com", overridden],
      [1, targetId(4), "Grace Hopper", null, evidence(null)],
      [2, targetId(5), null, null, null],
      [3, targetId(6), "Alan Turing", "alan@example.com", overridden],
    ]);
    expect(
      events.map((event) => [event.action, event.actorAccountId, event.actorEmail, event.detail]),
    ).toEqual([
      [
        "created",
        accountId,
        "feed-owner@example.com",
        {
          people: 4,
          includeAdmins: true,
          openWorkDeferred: true,
          openWorkOverride: "Signed off by the director",
          overriddenPeople: [targetId(3), targetId(6)],
          undoOf: undone,
        },
      ],
    ]);
  });
});
