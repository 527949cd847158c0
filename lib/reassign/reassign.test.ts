import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { type DatabaseHandle, auditEvents, reassignmentItems, reassignments } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { checkPerson } from "@/lib/offboarding/impact/check-person";
import { type WorkfrontClient, WorkfrontError } from "@/lib/workfront";
import { clientFor, testEmulatorForFile } from "@/lib/workfront/test-support";
import { createApiToken } from "@/lib/api-tokens/store";
import { createAccount } from "@/lib/auth/accounts";
import { createReassignment } from "./create";
import { REASSIGNABLE, listItems, resolveSuccessors } from "./plan";
import { CATEGORY_REASSIGNABLE } from "@/lib/offboarding/impact/types";
import { getReassignment } from "./queries";
import { runReassignment } from "./run";

const emulator = testEmulatorForFile({ users: 400 });
let database: DatabaseHandle;
let client: WorkfrontClient;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  client = clientFor(emulator());
});
afterAll(async () => {
  await database?.close();
});

const actor = { accountId: null, email: "operator@example.com", role: "operator" as const };

/** An active person with open task assignments and an active manager. */
async function leaverWithWork(skip: string[] = []): Promise<{ leaver: string; manager: string }> {
  const open = await client.searchWork("ASSGN", {
    fields: ["assignedToID"],
    filters: [{ field: "task:percentComplete", op: "lt", value: 100 }],
    limit: 2000,
  });
  const holders = [...new Set(open.map((row) => String(row.values.assignedToID)))].filter(
    (id) => !skip.includes(id),
  );
  for (let i = 0; i < holders.length; i += 100) {
    for (const user of await client.getUsers(holders.slice(i, i + 100))) {
      if (!user.isActive || !user.managerId || skip.includes(user.managerId)) continue;
      const [manager] = await client.getUsers([user.managerId]);
      if (manager?.isActive) return { leaver: user.id, manager: manager.id };
    }
  }
  throw new Error("no leaver with work and an active manager in the seed");
}

async function plan(leaverId: string, successorId?: string) {
  const pairs = await resolveSuccessors({ client, db: database.db }, [{ leaverId, successorId }]);
  return listItems(client, pairs);
}

const reassignableLeft = async (id: string) =>
  (await checkPerson(client, id)).categories
    .filter((c) => REASSIGNABLE.includes(c.key))
    .reduce((n, c) => n + c.count, 0);

async function rowsFor(reassignmentId: string) {
  const items = await database.db
    .select()
    .from(reassignmentItems)
    .where(eq(reassignmentItems.reassignmentId, reassignmentId));
  const audits = await database.db.select().from(auditEvents).where(eq(auditEvents.action, "reassign"));
  const ours = new Set(items.map((item) => item.auditEventId));
  return { items, audits: audits.filter((row) => ours.has(row.id)) };
}

describe("reassigning a leaver's work to their manager", () => {
  it("hands every reassignable object over, with one completed audit row per change", async () => {
    const { leaver, manager } = await leaverWithWork();
    const items = await plan(leaver);
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.successorId === manager)).toBe(true);
    const id = await createReassignment(database.db, {
      actor,
      reason: "Left",
      ticket: null,
      requestId: "r1",
      clientIp: null,
      items,
    });
    await runReassignment({ db: database.db, client }, id);
    expect(await reassignableLeft(leaver)).toBe(0);
    const summary = await getReassignment(database.db, id);
    expect(summary).toMatchObject({ status: "completed", counts: { done: items.length, failed: 0 } });
    const { audits } = await rowsFor(id);
    expect(audits).toHaveLength(items.length);
    for (const row of audits) {
      expect(row.outcome).toBe("succeeded");
      expect(row.targetId).toBe(leaver);
      expect(row.change).toMatchObject({ from: leaver, to: manager });
    }
    const [assignment] = items.filter((item) => item.objCode === "ASSGN");
    const [after] = await client.searchWork("ASSGN", {
      fields: ["assignedToID"],
      filters: [{ field: "ID", value: assignment!.objectId }],
    });
    expect(after!.values.assignedToID).toBe(manager);
  });

  it("made with an API token, names the token and its creator in each change's audit row", async () => {
    const admin = await createAccount(database.db, { email: "token-admin@example.com", role: "admin", password: "a long enough password" });
    const token = await createApiToken(database.db, { user: { id: admin.id, email: admin.email, role: "admin" }, requestId: "t", clientIp: null }, { name: "HR feed", role: "operator", expiresInDays: 30 });
    const { leaver } = await leaverWithWork();
    const items = await plan(leaver);
    const id = await createReassignment(database.db, {
      actor: { accountId: admin.id, email: admin.email, role: "operator", tokenId: token.id },
      reason: "Left",
      ticket: null,
      requestId: "r-token",
      clientIp: null,
      items,
    });
    await runReassignment({ db: database.db, client }, id);
    const { audits } = await rowsFor(id);
    expect(audits.length).toBe(items.length);
    for (const row of audits) expect(row).toMatchObject({ actorTokenId: token.id, actorAccountId: admin.id, actorEmail: admin.email, actorRole: "operator" });
  });

  it("finishes after an answer was lost: the write that landed completes as succeeded, once", async () => {
    const { leaver } = await leaverWithWork();
    const items = await plan(leaver);
    const id = await createReassignment(database.db, {
      actor,
      reason: "Left",
      ticket: null,
      requestId: "r2",
      clientIp: null,
      items,
    });
    // The first bulk edit reaches Workfront but its answer is lost (a timeout after the write).
    let lost = false;
    const flaky: WorkfrontClient = {
      ...client,
      updateWorkMany: async (...args) => {
        const answer = await client.updateWorkMany(...args);
        if (!lost) {
          lost = true;
          throw new WorkfrontError("timeout", "Workfront did not answer in time");
        }
        return answer;
      },
    };
    await runReassignment({ db: database.db, client: flaky }, id).catch(() => undefined);
    expect((await getReassignment(database.db, id))?.status).toBe("running");
    await runReassignment({ db: database.db, client }, id);
    const { items: stored, audits } = await rowsFor(id);
    expect(stored.every((item) => item.state === "done")).toBe(true);
    expect(audits).toHaveLength(items.length);
    expect(audits.every((row) => row.outcome === "succeeded" && row.completedAt !== null)).toBe(true);
    expect(await reassignableLeft(leaver)).toBe(0);
  });
});

describe("bad successors are refused before anything is written", () => {
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiError);
    return (error as ApiError).code;
  };

  it("refuses an inactive, unknown, self or fellow-leaver successor", async () => {
    const before = (await database.db.select().from(reassignments)).length;
    const { leaver } = await leaverWithWork();
    const { leaver: other } = await leaverWithWork([leaver]);
    const [inactive] = await client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 });
    expect(await refusal(resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successorId: inactive!.id }]))).toBe(
      "successor_inactive",
    );
    expect(
      await refusal(resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successorId: "f".repeat(32) }])),
    ).toBe("successor_unknown");
    expect(await refusal(resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successorId: leaver }]))).toBe(
      "successor_is_leaver",
    );
    expect(
      await refusal(
        resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successorId: other }, { leaverId: other }]),
      ),
    ).toBe("successor_is_leaver");
    expect((await database.db.select().from(reassignments)).length).toBe(before);
  });

  it("checks a successor chosen per category the same way, and writes nothing", async () => {
    const before = (await database.db.select().from(reassignments)).length;
    const { leaver, manager } = await leaverWithWork();
    const { leaver: other } = await leaverWithWork([leaver]);
    const [inactive] = await client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 });
    const per = (successors: Record<string, string>, more: { leaverId: string }[] = []) =>
      refusal(resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successors }, ...more]));
    expect(await per({ taskAssignments: inactive!.id })).toBe("successor_inactive");
    expect(await per({ projectsOwned: "f".repeat(32) })).toBe("successor_unknown");
    expect(await per({ teamsOwned: leaver })).toBe("successor_is_leaver");
    expect(await per({ taskAssignments: other }, [{ leaverId: other }])).toBe("successor_is_leaver");
    // Only the categories asked for count: a bad successor for another one is not consulted.
    await expect(resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successors: { teamsOwned: leaver } }], ["taskAssignments"])).resolves.toHaveLength(1);
    expect((await database.db.select().from(reassignments)).length).toBe(before);
    expect(manager).toBeTruthy();
  });
});

describe("a successor per category", () => {
  it("hands that category to its own successor and the rest to the manager", async () => {
    const { leaver, manager } = await leaverWithWork();
    const { manager: deputy } = await leaverWithWork([leaver, manager]);
    const pairs = await resolveSuccessors({ client, db: database.db }, [{ leaverId: leaver, successors: { taskAssignments: deputy } }]);
    const items = await listItems(client, pairs);
    expect(items.some((item) => item.category === "taskAssignments")).toBe(true);
    for (const item of items) expect(item.successorId).toBe(item.category === "taskAssignments" ? deputy : manager);
    const id = await createReassignment(database.db, { actor, reason: "Left", ticket: null, requestId: "r-per-category", clientIp: null, items });
    await runReassignment({ db: database.db, client }, id);
    expect(await getReassignment(database.db, id)).toMatchObject({ status: "completed", counts: { done: items.length, failed: 0 } });
    const task = items.find((item) => item.category === "taskAssignments")!;
    const [after] = await client.searchWork("ASSGN", { fields: ["assignedToID"], filters: [{ field: "ID", value: task.objectId }] });
    expect(after!.values.assignedToID).toBe(deputy);
  });
});

describe("the categories the person page offers a successor for", () => {
  it("are exactly those the server reassigns", () => {
    expect([...CATEGORY_REASSIGNABLE]).toEqual([...REASSIGNABLE]);
  });
});
