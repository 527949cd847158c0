import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { jobEvents, jobItems, jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";
import type { WorkfrontClient } from "@/lib/workfront";
import { cancelJob, createJob, resumeJob, retryFailed, undoJob } from "./actions";
import { insertJob } from "./create-job";
import type { JobActor } from "./events";
import type { ItemState, JobKind, JobStatus } from "./vocabulary";

/**
 * What operators do to a job (lib/jobs/actions.ts), called directly against a database: the
 * statuses each action accepts, the exact 4xx it answers otherwise, and the job events it records.
 */
const rules = { confirmThreshold: 1_000, hardCap: 5_000 };
const actor: JobActor = { accountId: null, email: "operator@example.com", role: "operator", requestId: "req-1", clientIp: null };
const admin: JobActor = { accountId: null, email: "admin@example.com", role: "admin", requestId: "req-2", clientIp: null };
// None of these calls may ask Workfront anything: any use of this client throws.
const noClient = {} as WorkfrontClient;
const MISSING = "00000000-0000-4000-8000-000000000000";

let counter = 0;
const ids = (count: number) => {
  counter += 1;
  return Array.from({ length: count }, (_, n) => (counter * 100 + n).toString(16).padStart(32, "0"));
};

const errorOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ApiError);
  const api = error as ApiError;
  return { status: api.status, code: api.code, message: api.message };
};

const evidence = (override: boolean): OpenWorkEvidence => ({
  counts: { approvalsAwaiting: override ? 2 : 0 },
  total: override ? 2 : 0,
  blocking: override ? 2 : 0,
  unavailable: [],
  checkedAt: "2026-01-05T10:00:00.000Z",
  override: override ? { reason: "Approvals handed over by phone", blocking: [{ key: "approvalsAwaiting", count: 2 }] } : null,
});

withTestDatabase("job actions", ({ db }) => {
  async function newJob(people: number, kind: JobKind = "deactivate", reason = "Contracts ended") {
    const targets = ids(people);
    const jobId = await insertJob(db(), { kind, targets: targets.map((id) => ({ id })), reason, ticket: "HR-7", actor });
    return { jobId, targets };
  }
  async function setStatus(jobId: string, status: JobStatus, extra: { cancelRequested?: boolean } = {}) {
    const final = status === "completed" || status === "cancelled";
    await db()
      .update(jobs)
      .set({
        status,
        finishedAt: final ? sql`now()` : null,
        ...(extra.cancelRequested ? { cancelRequestedAt: sql`now()` } : {}),
      })
      .where(eq(jobs.id, jobId));
  }
  async function setItems(jobId: string, state: ItemState, positions: number[]) {
    await db()
      .update(jobItems)
      .set({
        state,
        finishedAt: state === "pending" || state === "running" ? null : sql`now()`,
        errorCode: state === "failed" ? "workfront_error" : null,
        leaseOwner: state === "running" ? "worker-1" : null,
        leaseExpiresAt: state === "running" ? sql`now() + interval '1 hour'` : null,
      })
      .where(and(eq(jobItems.jobId, jobId), inArray(jobItems.position, positions)));
  }
  const jobRow = async (jobId: string) => (await db().select().from(jobs).where(eq(jobs.id, jobId)))[0]!;
  const itemsOf = (jobId: string) => db().select().from(jobItems).where(eq(jobItems.jobId, jobId)).orderBy(asc(jobItems.position));
  const eventsOf = async (jobId: string, action?: string) =>
    (await db().select().from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(asc(jobEvents.id))).filter(
      (event) => action === undefined || event.action === action,
    );

  const notFound = { status: 404, code: "job_not_found", message: "There is no such job." };

  it("answers 404 job_not_found for a job that does not exist, whatever the action", async () => {
    expect(await errorOf(cancelJob(db(), MISSING, actor))).toEqual(notFound);
    expect(await errorOf(retryFailed(db(), MISSING, actor))).toEqual(notFound);
    expect(await errorOf(undoJob(db(), MISSING, actor, {}, rules))).toEqual(notFound);
    expect(await errorOf(resumeJob(db(), noClient, MISSING, admin))).toEqual(notFound);
  });

  describe("createJob", () => {
    it("keeps the listed names, e-mails and the imported file's name on the job and its items", async () => {
      const [first, second] = ids(2);
      const names = new Map([[first!, { name: "Ann Smith", email: "ann@example.com" }]]);
      const jobId = await createJob(
        db(),
        { kind: "deactivate", userIds: [first!, second!], reason: "Left", ticket: "", sourceName: "leavers.csv" },
        actor,
        rules,
        names,
      );
      const job = await jobRow(jobId);
      expect([job.sourceName, job.ticket, job.openWorkDeferred, job.openWorkOverride]).toEqual(["leavers.csv", null, false, null]);
      expect((await itemsOf(jobId)).map((item) => [item.targetId, item.targetName, item.targetEmail, item.openWork])).toEqual([
        [first, "Ann Smith", "ann@example.com", null],
        [second, null, null, null],
      ]);
    });

    it("keeps no source name when the list was typed, and no override reason when nobody's open work was overridden", async () => {
      const userIds = ids(2);
      const jobId = await createJob(
        db(),
        { kind: "deactivate", userIds, reason: "Left", overrideOpenWork: { reason: "Handed over" } },
        admin,
        rules,
      );
      const job = await jobRow(jobId);
      expect([job.sourceName, job.openWorkDeferred, job.openWorkOverride]).toEqual([null, false, null]);
      const [created] = await eventsOf(jobId, "created");
      expect(created?.detail).toEqual({ people: 2 });
    });

    it("drops the override reason when the gate read everyone and none was overridden", async () => {
      const userIds = ids(2);
      const gate = { evidence: new Map(userIds.map((id) => [id, evidence(false)])), deferred: false };
      const jobId = await createJob(
        db(),
        { kind: "deactivate", userIds, reason: "Left", overrideOpenWork: { reason: "Handed over" } },
        admin,
        rules,
        new Map(),
        gate,
      );
      expect((await jobRow(jobId)).openWorkOverride).toBeNull();
      expect((await itemsOf(jobId)).map((item) => item.openWork)).toEqual([evidence(false), evidence(false)]);
    });

    it("keeps the override reason when at least one person's blocking work was overridden", async () => {
      const [blocked, clear] = ids(2);
      const gate = {
        evidence: new Map([
          [blocked!, evidence(true)],
          [clear!, evidence(false)],
        ]),
        deferred: false,
      };
      const jobId = await createJob(
        db(),
        { kind: "deactivate", userIds: [blocked!, clear!], reason: "Left", overrideOpenWork: { reason: "Handed over" } },
        admin,
        rules,
        new Map(),
        gate,
      );
      const job = await jobRow(jobId);
      expect([job.openWorkOverride, job.openWorkDeferred]).toEqual(["Handed over", false]);
      const [created] = await eventsOf(jobId, "created");
      expect(created?.detail).toEqual({ people: 2, openWorkOverride: "Handed over", overriddenPeople: [blocked] });
    });

    it("keeps the override reason for the worker when the gate was deferred", async () => {
      const userIds = ids(1);
      const jobId = await createJob(
        db(),
        { kind: "deactivate", userIds, reason: "Left", overrideOpenWork: { reason: "Handed over" } },
        admin,
        rules,
        new Map(),
        { evidence: new Map(), deferred: true },
      );
      const job = await jobRow(jobId);
      expect([job.openWorkOverride, job.openWorkDeferred]).toEqual(["Handed over", true]);
    });
  });

  describe("cancelJob", () => {
    it("cancels the people not yet started, with the reason, and records how many", async () => {
      const { jobId } = await newJob(3);
      await setStatus(jobId, "running");
      await setItems(jobId, "running", [0]);
      await cancelJob(db(), jobId, actor);
      expect((await jobRow(jobId)).status).toBe("cancelling");
      expect((await itemsOf(jobId)).map((item) => [item.state, item.errorCode, item.errorMessage])).toEqual([
        ["running", null, null],
        ["cancelled", "cancelled", "Cancelled before it started; nothing was sent to Workfront for this person."],
        ["cancelled", "cancelled", "Cancelled before it started; nothing was sent to Workfront for this person."],
      ]);
      const events = await eventsOf(jobId, "cancel_requested");
      expect(events.map((event) => [event.detail, event.actorEmail, event.requestId])).toEqual([[{ cancelled: 2 }, "operator@example.com", "req-1"]]);
    });

    it("a second Cancel while the job is being cancelled changes nothing and records nothing more", async () => {
      const { jobId } = await newJob(2);
      await setStatus(jobId, "running");
      await setItems(jobId, "running", [0]);
      await cancelJob(db(), jobId, actor);
      const before = await jobRow(jobId);
      await cancelJob(db(), jobId, admin);
      const after = await jobRow(jobId);
      expect(after.status).toBe("cancelling");
      expect(after.cancelRequestedAt).toEqual(before.cancelRequestedAt);
      expect((await eventsOf(jobId, "cancel_requested")).map((event) => event.actorEmail)).toEqual(["operator@example.com"]);
    });

    it("answers 409 job_finished for a completed or a cancelled job", async () => {
      const finished = { status: 409, code: "job_finished", message: "The job has already ended." };
      for (const status of ["completed", "cancelled"] as const) {
        const { jobId } = await newJob(1);
        await setItems(jobId, "succeeded", [0]);
        await setStatus(jobId, status);
        expect(await errorOf(cancelJob(db(), jobId, actor))).toEqual(finished);
        expect((await jobRow(jobId)).status).toBe(status);
        expect(await eventsOf(jobId, "cancel_requested")).toEqual([]);
      }
    });
  });

  describe("retryFailed", () => {
    it("answers 409 job_cancelling while the job is being cancelled, and leaves its failed people alone", async () => {
      const { jobId } = await newJob(2);
      await setStatus(jobId, "running");
      await setItems(jobId, "running", [0]);
      await setItems(jobId, "failed", [1]);
      await cancelJob(db(), jobId, actor);
      expect((await jobRow(jobId)).status).toBe("cancelling");
      expect(await errorOf(retryFailed(db(), jobId, actor))).toEqual({
        status: 409,
        code: "job_cancelling",
        message: "The job is being cancelled; retry once it has ended.",
      });
      expect((await itemsOf(jobId)).map((item) => item.state)).toEqual(["running", "failed"]);
      expect(await eventsOf(jobId, "retried")).toEqual([]);
    });

    it("answers 409 nothing_to_retry when nobody failed", async () => {
      const { jobId } = await newJob(1);
      await setItems(jobId, "succeeded", [0]);
      await setStatus(jobId, "completed");
      expect(await errorOf(retryFailed(db(), jobId, actor))).toEqual({
        status: 409,
        code: "nothing_to_retry",
        message: "No person in this job has failed.",
      });
    });

    it("puts the failed people of an ended job back to pending and the job back to running", async () => {
      for (const status of ["completed", "cancelled"] as const) {
        const { jobId } = await newJob(3);
        await setItems(jobId, "succeeded", [0]);
        await setItems(jobId, "failed", [1, 2]);
        await setStatus(jobId, status, { cancelRequested: status === "cancelled" });
        expect(await retryFailed(db(), jobId, actor)).toBe(2);
        const job = await jobRow(jobId);
        expect([job.status, job.finishedAt, job.cancelRequestedAt]).toEqual(["running", null, null]);
        expect((await itemsOf(jobId)).map((item) => [item.state, item.errorCode, item.finishedAt])).toEqual([
          ["succeeded", null, expect.any(Date)],
          ["pending", null, null],
          ["pending", null, null],
        ]);
        expect((await eventsOf(jobId, "retried")).map((event) => event.detail)).toEqual([{ people: 2 }]);
      }
    });

    it("leaves a paused job paused: its failed people wait for the resume", async () => {
      const { jobId } = await newJob(2);
      await setItems(jobId, "failed", [0]);
      await setStatus(jobId, "paused_auth");
      expect(await retryFailed(db(), jobId, actor)).toBe(1);
      expect((await jobRow(jobId)).status).toBe("paused_auth");
      expect((await itemsOf(jobId)).map((item) => item.state)).toEqual(["pending", "pending"]);
    });
  });

  describe("undoJob", () => {
    it("answers 409 not_undoable for a reactivation job", async () => {
      const { jobId } = await newJob(1, "reactivate");
      await setItems(jobId, "succeeded", [0]);
      await setStatus(jobId, "completed");
      expect(await errorOf(undoJob(db(), jobId, actor, {}, rules))).toEqual({
        status: 409,
        code: "not_undoable",
        message: "Only a deactivation job can be undone.",
      });
    });

    it("answers 409 job_not_finished while the job runs", async () => {
      const { jobId } = await newJob(1);
      await setItems(jobId, "succeeded", [0]);
      await setStatus(jobId, "running");
      expect(await errorOf(undoJob(db(), jobId, actor, {}, rules))).toEqual({
        status: 409,
        code: "job_not_finished",
        message: "Undo is possible once the job has ended.",
      });
    });

    it("answers 409 nothing_to_undo when the job deactivated nobody", async () => {
      const { jobId } = await newJob(2);
      await setItems(jobId, "already", [0]);
      await setItems(jobId, "failed", [1]);
      await setStatus(jobId, "completed");
      expect(await errorOf(undoJob(db(), jobId, actor, {}, rules))).toEqual({
        status: 409,
        code: "nothing_to_undo",
        message: "This job deactivated nobody.",
      });
    });

    it("undoes a cancelled job: a reactivation of the people it changed, with a default reason, and an event", async () => {
      const { jobId, targets } = await newJob(3);
      await setItems(jobId, "succeeded", [0, 2]);
      await setItems(jobId, "cancelled", [1]);
      await setStatus(jobId, "cancelled", { cancelRequested: true });
      const undoId = await undoJob(db(), jobId, actor, {}, rules);
      const undo = await jobRow(undoId);
      expect([undo.kind, undo.status, undo.undoOf, undo.reason, undo.ticket]).toEqual([
        "reactivate",
        "queued",
        jobId,
        `Undo of bulk job ${jobId}: Contracts ended`,
        "HR-7",
      ]);
      expect((await itemsOf(undoId)).map((item) => item.targetId)).toEqual([targets[0], targets[2]]);
      expect((await eventsOf(jobId, "undo_created")).map((event) => event.detail)).toEqual([{ undoJobId: undoId, people: 2 }]);
    });

    it("cuts the default reason to 500 characters", async () => {
      const { jobId } = await newJob(1, "deactivate", "x".repeat(600));
      await setItems(jobId, "succeeded", [0]);
      await setStatus(jobId, "completed");
      const undoId = await undoJob(db(), jobId, actor, {}, rules);
      const reason = (await jobRow(undoId)).reason;
      expect(reason).toHaveLength(500);
      expect(reason).toBe(`Undo of bulk job ${jobId}: ${"x".repeat(600)}`.slice(0, 500));
    });

    it("refuses a second undo while one runs (409 undo_in_progress naming it), not once it has ended", async () => {
      const { jobId } = await newJob(1);
      await setItems(jobId, "succeeded", [0]);
      await setStatus(jobId, "completed");
      const firstUndo = await undoJob(db(), jobId, actor, { reason: "Wrong list" }, rules);
      expect((await jobRow(firstUndo)).reason).toBe("Wrong list");
      expect(await errorOf(undoJob(db(), jobId, actor, {}, rules))).toEqual({
        status: 409,
        code: "undo_in_progress",
        message: `An undo of this job is already running (job ${firstUndo}).`,
      });
      await setStatus(firstUndo, "completed");
      const secondUndo = await undoJob(db(), jobId, actor, {}, rules);
      await setStatus(secondUndo, "cancelled");
      const thirdUndo = await undoJob(db(), jobId, actor, { ticket: "HR-9" }, rules);
      expect((await jobRow(thirdUndo)).ticket).toBe("HR-9");
      expect(new Set([firstUndo, secondUndo, thirdUndo]).size).toBe(3);
    });
  });

  describe("resumeJob", () => {
    it("answers 403 forbidden to an operator for a job paused for its disabled creator", async () => {
      const { jobId } = await newJob(1);
      await setStatus(jobId, "paused_creator");
      expect(await errorOf(resumeJob(db(), noClient, jobId, actor))).toEqual({
        status: 403,
        code: "forbidden",
        message: "The account that started this job was disabled: only an admin may resume it.",
      });
      expect((await jobRow(jobId)).status).toBe("paused_creator");
    });

    it("does nothing, and asks Workfront nothing, for a job that is not paused", async () => {
      for (const status of ["queued", "running", "completed"] as const) {
        const { jobId } = await newJob(1);
        if (status === "completed") await setItems(jobId, "succeeded", [0]);
        await setStatus(jobId, status);
        await resumeJob(db(), noClient, jobId, admin);
        expect((await jobRow(jobId)).status).toBe(status);
        expect(await eventsOf(jobId, "resumed")).toEqual([]);
      }
    });
  });
});
