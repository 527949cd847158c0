import { eq, sql } from "drizzle-orm";
import { expect, it, vi } from "vitest";
import { jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { WorkfrontClient } from "@/lib/workfront";
import { insertJob } from "./create-job";
import { pausedJobIds, probeCredential, resumePausedJobs } from "./resume";
import { operator } from "./test-support";

/** Jobs paused for Workfront's credential: which are paused, which resume, and the probe that decides. */
it("probes the credential with one read of whose credential it is, given 15 s", async () => {
  const getCurrentUser = vi.fn(async () => ({}));
  await probeCredential({ getCurrentUser } as unknown as WorkfrontClient);
  expect(getCurrentUser.mock.calls).toEqual([[{ deadlineMs: 15_000 }]]);
});

withTestDatabase("paused jobs", ({ db }) => {
  it("lists the jobs paused for the credential, and resumes them: running, or cancelling where Cancel was asked", async () => {
    const newJob = async (seed: string) =>
      insertJob(db(), { kind: "deactivate", targets: [{ id: seed.repeat(32) }], reason: "Left", ticket: null, actor: operator });
    const [paused, pausedCancelled, running] = [await newJob("a"), await newJob("b"), await newJob("c")];
    await db().update(jobs).set({ status: "paused_auth", lastErrorCode: "auth", lastErrorMessage: "Refused" }).where(eq(jobs.id, paused));
    await db().update(jobs).set({ status: "paused_auth", cancelRequestedAt: sql`now()` }).where(eq(jobs.id, pausedCancelled));
    await db().update(jobs).set({ status: "running" }).where(eq(jobs.id, running));

    expect((await pausedJobIds(db())).sort()).toEqual([paused, pausedCancelled].sort());
    expect(await resumePausedJobs(db(), operator, paused)).toEqual([paused]);
    expect(await resumePausedJobs(db(), null)).toEqual([pausedCancelled]);
    const statuses = await db().select({ id: jobs.id, status: jobs.status, code: jobs.lastErrorCode }).from(jobs);
    expect(new Map(statuses.map((row) => [row.id, [row.status, row.code]]))).toEqual(
      new Map([
        [paused, ["running", null]],
        [pausedCancelled, ["cancelling", null]],
        [running, ["running", null]],
      ]),
    );
    expect(await pausedJobIds(db())).toEqual([]);
  });
});
