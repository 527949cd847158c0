import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, auditEvents, reassignmentItems, reassignments } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import { cancelJob } from "@/lib/jobs/actions";
import { insertJob } from "@/lib/jobs/create-job";
import { dryRun } from "@/lib/jobs/dry-run";
import { cancelSchedule, createSchedules } from "@/lib/schedule/store";
import type { WorkfrontClient } from "@/lib/workfront";
import { clientFor, control, testEmulatorForFile } from "@/lib/workfront/test-support";
import { getReassignment } from "./queries";
import { requestReassignment } from "./request";
import { runReassignment } from "./run";
import { assertNoSuccessorInJob, successorsInJob } from "./successors-in-job";

/**
 * "The successor must be active and not a leaver in the same job" (issue 16), beyond the one
 * request: a successor whom an unfinished deactivation job or an open schedule will deactivate is
 * refused before anything is written; and a new job refuses to deactivate someone together with
 * the person whose work was handed to them.
 */
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

const jobActor = { accountId: null, email: "operator@example.com", role: "operator" as const, requestId: "r", clientIp: null };
const actor = { accountId: null, email: "operator@example.com", role: "operator" as const };
const deps = () => ({ client, db: database.db });
const ask = (leaverId: string, successorId: string, requestId: string) =>
  requestReassignment(deps(), { leavers: [{ leaverId, successorId }], actor, reason: "Left", ticket: null, requestId, clientIp: null });

/** People an earlier test used: the database keeps their reassignments while the emulator is reset. */
const used = new Set<string>();

/** Distinct active people, new to this file, holding open task assignments (a reassignment has items to write). */
async function holders(count: number): Promise<string[]> {
  const open = await client.searchWork("ASSGN", {
    fields: ["assignedToID"],
    filters: [{ field: "task:percentComplete", op: "lt", value: 100 }],
    limit: 2000,
  });
  const ids = [...new Set(open.map((row) => String(row.values.assignedToID)))].filter((id) => !used.has(id));
  const found: string[] = [];
  for (let i = 0; i < ids.length && found.length < count; i += 100) {
    for (const user of await client.getUsers(ids.slice(i, i + 100))) if (user.isActive && found.length < count) found.push(user.id);
  }
  if (found.length < count) throw new Error("not enough people with open work in the seed");
  for (const id of found) used.add(id);
  return found;
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const written = async () => ({
  reassignments: (await database.db.select().from(reassignments)).length,
  audits: (await database.db.select().from(auditEvents).where(eq(auditEvents.action, "reassign"))).length,
});

describe("a successor who is leaving elsewhere", () => {
  it("is refused while a deactivation job will still deactivate them, and accepted once it has ended", async () => {
    const [leaver, successor, bystander] = await holders(3);
    const jobId = await insertJob(database.db, {
      kind: "deactivate",
      targets: [{ id: bystander! }, { id: successor! }],
      reason: "Leavers",
      ticket: null,
      actor: jobActor,
    });
    const before = await written();
    const error = await refusal(ask(leaver!, successor!, "job-1"));
    expect(error).toMatchObject({ status: 422, code: "successor_is_leaver" });
    expect(error.message).toContain(jobId);
    expect(error.extra.details).toEqual({ successorId: successor, jobId });
    expect(await written()).toEqual(before);
    // A reactivation job does not make anyone a leaver.
    await insertJob(database.db, { kind: "reactivate", targets: [{ id: leaver! }], reason: "Back", ticket: null, actor: jobActor });
    const ok = await requestReassignment(deps(), {
      leavers: [{ leaverId: successor!, successorId: leaver! }],
      categories: ["taskAssignments"],
      actor,
      reason: "Left",
      ticket: null,
      requestId: "reactivate-job",
      clientIp: null,
    });
    expect(ok).toBeTruthy();

    await cancelJob(database.db, jobId, jobActor);
    await expect(ask(leaver!, successor!, "job-2")).resolves.toBeTruthy();
  });

  it("is refused when chosen for one category only, and a bystander of the job is not", async () => {
    const [leaver, manager, successor] = await holders(3);
    const jobId = await insertJob(database.db, { kind: "deactivate", targets: [{ id: successor! }], reason: "Leavers", ticket: null, actor: jobActor });
    const before = await written();
    const error = await refusal(
      requestReassignment(deps(), {
        leavers: [{ leaverId: leaver!, successorId: manager!, successors: { taskAssignments: successor! } }],
        actor,
        reason: "Left",
        ticket: null,
        requestId: "per-category",
        clientIp: null,
      }),
    );
    expect(error).toMatchObject({ status: 422, code: "successor_is_leaver" });
    expect(await written()).toEqual(before);
    await expect(ask(leaver!, manager!, "bystander")).resolves.toBeTruthy();
    await cancelJob(database.db, jobId, jobActor);
  });

  it("is refused while a deactivation is scheduled for them, and accepted once it is cancelled", async () => {
    const [leaver, successor] = await holders(2);
    const [schedule] = await createSchedules(database.db, {
      targets: [{ id: successor!, name: null, email: null }],
      dueAt: new Date(Date.now() + 7 * 24 * 3600_000),
      timeZone: "UTC",
      policy: "deactivate_anyway",
      reason: "Last day next week",
      ticket: null,
      actor: jobActor,
    });
    const before = await written();
    const error = await refusal(ask(leaver!, successor!, "scheduled-1"));
    expect(error).toMatchObject({ status: 422, code: "successor_is_leaver" });
    expect(error.extra.details).toMatchObject({ successorId: successor, scheduleId: schedule!.id });
    expect(await written()).toEqual(before);
    await cancelSchedule(database.db, schedule!.id, jobActor);
    await expect(ask(leaver!, successor!, "scheduled-2")).resolves.toBeTruthy();
  });
});

describe("a new deactivation job with a leaver and their successor in it", () => {
  it("is refused while the successor holds the handed-over work, and allowed once it has moved on", async () => {
    const [leaver, successor, next] = await holders(3);
    const id = await requestReassignment(deps(), {
      leavers: [{ leaverId: leaver!, successorId: successor! }],
      categories: ["taskAssignments"],
      actor,
      reason: "Left",
      ticket: null,
      requestId: "handed",
      clientIp: null,
    });
    const items = await database.db.select().from(reassignmentItems).where(eq(reassignmentItems.reassignmentId, id));
    expect(items.length).toBeGreaterThan(0);

    // Still being handed over: it will land on the successor.
    expect(await successorsInJob(deps(), [leaver!, successor!])).toEqual([
      expect.objectContaining({ leaverId: leaver, successorId: successor, objects: items.length }),
    ]);
    await runReassignment(deps(), id);
    expect(await getReassignment(database.db, id)).toMatchObject({ status: "completed" });
    // Handed over, and Workfront shows the successor holding it.
    const error = await refusal(assertNoSuccessorInJob(deps(), [next!, successor!, leaver!]));
    expect(error).toMatchObject({ status: 409, code: "successor_in_job" });
    expect(error.extra.details).toEqual({
      pairs: [expect.objectContaining({ leaverId: leaver, successorId: successor, objects: items.length })],
    });
    // The dry run (the bulk dialog's, the import preview's) says so before the run, with the same message.
    const preview = await dryRun({ ...deps(), protectedUsers: [] }, { kind: "deactivate", userIds: [next!, successor!, leaver!], role: "operator" }, { confirmThreshold: 10, hardCap: 100 });
    expect(preview.successorInJob).toEqual({ message: error.message, pairs: error.extra.details!.pairs });
    expect((await dryRun({ ...deps(), protectedUsers: [] }, { kind: "deactivate", userIds: [next!, leaver!], role: "operator" }, { confirmThreshold: 10, hardCap: 100 })).successorInJob).toBeUndefined();
    // Either alone, or with anyone else, is not this refusal.
    await expect(assertNoSuccessorInJob(deps(), [leaver!, next!])).resolves.toBeUndefined();
    await expect(assertNoSuccessorInJob(deps(), [successor!, next!])).resolves.toBeUndefined();

    // The successor's work handed on to someone who stays: nothing of the leaver's is theirs now.
    const onward = await requestReassignment(deps(), {
      leavers: [{ leaverId: successor!, successorId: next! }],
      categories: ["taskAssignments"],
      actor,
      reason: "Leaving too",
      ticket: null,
      requestId: "onward",
      clientIp: null,
    });
    await runReassignment(deps(), onward);
    await expect(assertNoSuccessorInJob(deps(), [leaver!, successor!])).resolves.toBeUndefined();
  });

  it("counts handed-over work as held when Workfront cannot be asked", async () => {
    const [leaver, successor] = await holders(2);
    const id = await ask(leaver!, successor!, "offline");
    await runReassignment(deps(), id);
    await control(emulator(), "PATCH", "config", { faultRate: 1, faultKinds: ["error500"] });
    const pairs = await successorsInJob(deps(), [leaver!, successor!]);
    expect(pairs).toEqual([expect.objectContaining({ leaverId: leaver, successorId: successor })]);
  });
});
