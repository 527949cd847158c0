import { asc, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { type Database, accounts, jobEvents, jobItems, jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { insertJob } from "./create-job";
import { pauseJobsOfDisabledAccount, resumeCreatorPausedJob } from "./creator-pause";
import { type JobActor, recordJobEvent } from "./events";
import { finishJobs, pauseJob } from "./job-status";
import type { JobStatus } from "./vocabulary";

/**
 * A job's status changes outside the operator's actions: paused for its disabled creator or for
 * Workfront's credential, resumed by an admin, ended by the worker; and the job events each writes.
 */
let counter = 0;
const targets = (count: number) => {
  counter += 1;
  return Array.from({ length: count }, (_, n) => ({ id: (counter * 100 + n).toString(16).padStart(32, "0") }));
};
const admin: JobActor = { accountId: null, email: "admin@example.com", role: "admin", requestId: "req-admin", clientIp: "10.0.0.2" };

withTestDatabase("job status changes and their events", ({ db }) => {
  async function account() {
    counter += 1;
    // An SSO account: no password to hash, so no time spent on one.
    const [row] = await db().insert(accounts).values({ email: `starter${counter}@example.com`, role: "operator" }).returning();
    return row!;
  }
  async function jobIn(status: JobStatus, options: { accountId?: string | null; cancelRequested?: boolean; people?: number; finalItems?: boolean } = {}) {
    const actor: JobActor = { accountId: options.accountId ?? null, email: "starter@example.com", role: "operator", requestId: "r", clientIp: null };
    const jobId = await insertJob(db(), { kind: "deactivate", targets: targets(options.people ?? 1), reason: "Left", ticket: null, actor });
    const final = status === "completed" || status === "cancelled";
    if (final || options.finalItems) {
      await db().update(jobItems).set({ state: "succeeded", finishedAt: sql`now()` }).where(eq(jobItems.jobId, jobId));
    }
    await db()
      .update(jobs)
      .set({ status, finishedAt: final ? sql`now()` : null, cancelRequestedAt: options.cancelRequested ? sql`now()` : null })
      .where(eq(jobs.id, jobId));
    return jobId;
  }
  const jobRow = async (jobId: string) => (await db().select().from(jobs).where(eq(jobs.id, jobId)))[0]!;
  const eventsOf = async (jobId: string) =>
    (await db().select().from(jobEvents).where(eq(jobEvents.jobId, jobId)).orderBy(asc(jobEvents.id))).filter((event) => event.action !== "created");

  describe("pauseJobsOfDisabledAccount", () => {
    it("pauses the account's queued, running and auth-paused jobs, with the reason, and records each", async () => {
      const starter = await account();
      const paused = {
        queued: await jobIn("queued", { accountId: starter.id }),
        running: await jobIn("running", { accountId: starter.id }),
        pausedAuth: await jobIn("paused_auth", { accountId: starter.id }),
      };
      const cancelling = await jobIn("cancelling", { accountId: starter.id, cancelRequested: true });
      const completed = await jobIn("completed", { accountId: starter.id });
      const someoneElses = await jobIn("running", { accountId: (await account()).id });

      expect((await pauseJobsOfDisabledAccount(db(), starter.id)).sort()).toEqual(Object.values(paused).sort());
      for (const jobId of Object.values(paused)) {
        const job = await jobRow(jobId);
        expect([job.status, job.lastErrorCode, job.lastErrorMessage]).toEqual([
          "paused_creator",
          "creator_disabled",
          "The account that started this job was disabled. An admin may resume or cancel it.",
        ]);
        expect(job.pausedAt).toBeInstanceOf(Date);
        expect((await eventsOf(jobId)).map((event) => [event.action, event.detail, event.actorEmail])).toEqual([
          ["paused_creator", { accountId: starter.id }, null],
        ]);
      }
      expect((await jobRow(cancelling)).status).toBe("cancelling");
      expect((await jobRow(completed)).status).toBe("completed");
      expect((await jobRow(someoneElses)).status).toBe("running");
      expect(await eventsOf(someoneElses)).toEqual([]);
    });
  });

  describe("resumeCreatorPausedJob", () => {
    it("puts the job back to running, clears the reason, and records who took it over", async () => {
      const starter = await account();
      const jobId = await jobIn("running", { accountId: starter.id });
      await pauseJobsOfDisabledAccount(db(), starter.id);
      expect(await resumeCreatorPausedJob(db(), jobId, admin)).toBe(true);
      const job = await jobRow(jobId);
      expect([job.status, job.lastErrorCode, job.lastErrorMessage]).toEqual(["running", null, null]);
      const resumed = (await eventsOf(jobId)).filter((event) => event.action === "resumed");
      expect(resumed.map((event) => [event.detail, event.actorEmail, event.actorRole])).toEqual([
        [{ takenOverFrom: "disabled creator" }, "admin@example.com", "admin"],
      ]);
    });

    it("a job whose Cancel was asked goes on cancelling", async () => {
      const jobId = await jobIn("paused_creator", { cancelRequested: true, people: 2 });
      expect(await resumeCreatorPausedJob(db(), jobId, admin)).toBe(true);
      expect((await jobRow(jobId)).status).toBe("cancelling");
    });

    it("answers false and records nothing for a job not paused for its creator", async () => {
      const jobId = await jobIn("paused_auth");
      expect(await resumeCreatorPausedJob(db(), jobId, admin)).toBe(false);
      expect((await jobRow(jobId)).status).toBe("paused_auth");
      expect(await eventsOf(jobId)).toEqual([]);
    });
  });

  describe("pauseJob", () => {
    it("pauses a queued, running or cancelling job for the credential, and records the error", async () => {
      for (const status of ["queued", "running", "cancelling"] as const) {
        const jobId = await jobIn(status);
        const message = `Workfront refused the credential. ${"!".repeat(2_100)}`;
        expect(await pauseJob(db(), jobId, { code: "auth", message })).toBe(true);
        const job = await jobRow(jobId);
        expect([job.status, job.lastErrorCode, job.lastErrorMessage]).toEqual(["paused_auth", "auth", message.slice(0, 2_000)]);
        expect((await eventsOf(jobId)).map((event) => [event.action, event.detail, event.actorEmail])).toEqual([
          ["paused_auth", { code: "auth", message }, null],
        ]);
      }
    });

    it("answers false and records nothing for a job already paused or ended", async () => {
      for (const status of ["paused_auth", "paused_creator", "completed"] as const) {
        const jobId = await jobIn(status);
        expect(await pauseJob(db(), jobId, { code: "auth", message: "No." })).toBe(false);
        expect((await jobRow(jobId)).status).toBe(status);
        expect(await eventsOf(jobId)).toEqual([]);
      }
    });
  });

  describe("finishJobs", () => {
    it("does nothing, without a transaction, for no jobs", async () => {
      const untouchable = {
        transaction: () => {
          throw new Error("no transaction expected");
        },
      } as unknown as Database;
      await expect(finishJobs(untouchable, [])).resolves.toBeUndefined();
    });

    it("ends a paused job whose Cancel was asked as cancelled, once nothing is left, and records 'cancelled'", async () => {
      for (const status of ["paused_auth", "paused_creator"] as const) {
        const jobId = await jobIn(status, { cancelRequested: true, finalItems: true });
        await finishJobs(db(), [jobId]);
        const job = await jobRow(jobId);
        expect([job.status, job.finishedAt]).toEqual(["cancelled", expect.any(Date)]);
        expect((await eventsOf(jobId)).map((event) => [event.action, event.actorEmail, event.detail])).toEqual([["cancelled", null, null]]);
      }
    });

    it("leaves a paused job without Cancel paused, and completes a running one", async () => {
      const paused = await jobIn("paused_auth", { finalItems: true });
      const running = await jobIn("running", { finalItems: true });
      await finishJobs(db(), [paused, running]);
      expect((await jobRow(paused)).status).toBe("paused_auth");
      expect(await eventsOf(paused)).toEqual([]);
      expect((await jobRow(running)).status).toBe("completed");
      expect((await eventsOf(running)).map((event) => event.action)).toEqual(["completed"]);
    });
  });

  describe("recordJobEvent", () => {
    it("records the actor as given, the e-mail in lower case, and the detail", async () => {
      const starter = await account();
      const jobId = await jobIn("running");
      const actor: JobActor = { accountId: starter.id, email: "Ann.Smith@Example.COM", role: "admin", requestId: "req-9", clientIp: "10.1.2.3" };
      await recordJobEvent(db(), jobId, "retried", actor, { people: 4 });
      await recordJobEvent(db(), jobId, "completed", null);
      const events = await eventsOf(jobId);
      expect(
        events.map((event) => [event.action, event.actorAccountId, event.actorEmail, event.actorRole, event.requestId, event.clientIp, event.detail]),
      ).toEqual([
        ["retried", starter.id, "ann.smith@example.com", "admin", "req-9", "10.1.2.3", { people: 4 }],
        ["completed", null, null, null, null, null, null],
      ]);
    });
  });
});
