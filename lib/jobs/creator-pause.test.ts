import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { createAccount } from "@/lib/auth/accounts";
import { jobEvents, jobs } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import type { WorkfrontClient } from "@/lib/workfront";
import { cancelJob, resumeJob } from "./actions";
import { claimItems } from "./claim";
import { insertJob } from "./create-job";
import { pauseJobsOfDisabledAccount } from "./creator-pause";
import type { JobActor } from "./events";

/** A job paused for its disabled creator neither runs nor resumes by itself; an admin decides. */
let counter = 0;
const targets = (count: number) => Array.from({ length: count }, (_, n) => ({ id: (counter * 100 + n).toString(16).padStart(32, "0") }));
// Resuming a job paused for its creator never asks Workfront anything.
const noClient = {} as WorkfrontClient;

withTestDatabase("jobs of a disabled account", ({ db }) => {
  async function jobBy(role: "operator" | "admin") {
    counter += 1;
    const account = await createAccount(db(), { email: `starter${counter}@example.com`, role, password: "a long enough password" });
    const actor: JobActor = { accountId: account.id, email: account.email, role, requestId: "r", clientIp: null };
    const jobId = await insertJob(db(), { kind: "deactivate", targets: targets(3), reason: "Left", ticket: null, actor });
    return { account, actor, jobId };
  }
  const statusOf = async (jobId: string) => (await db().select({ status: jobs.status }).from(jobs).where(eq(jobs.id, jobId)))[0]?.status;
  const admin: JobActor = { accountId: null, email: "admin@example.com", role: "admin", requestId: "r2", clientIp: null };

  it("pauses the account's unfinished jobs, which workers then leave alone", async () => {
    const { account, jobId } = await jobBy("operator");
    expect(await pauseJobsOfDisabledAccount(db(), account.id)).toEqual([jobId]);
    expect(await statusOf(jobId)).toBe("paused_creator");
    const claimed = await claimItems(db(), { owner: "w", limit: 100, leaseMs: 10_000 });
    expect(claimed.filter((item) => item.jobId === jobId)).toEqual([]);
    const events = await db().select().from(jobEvents).where(eq(jobEvents.jobId, jobId));
    expect(events.map((event) => event.action)).toContain("paused_creator");
  });

  it("only an admin resumes it, taking it on; then it runs again", async () => {
    const { account, actor, jobId } = await jobBy("operator");
    await pauseJobsOfDisabledAccount(db(), account.id);
    const refused = await resumeJob(db(), noClient, jobId, actor).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(403);
    expect(await statusOf(jobId)).toBe("paused_creator");
    await resumeJob(db(), noClient, jobId, admin);
    expect(await statusOf(jobId)).toBe("running");
    const claimed = await claimItems(db(), { owner: "w", limit: 100, leaseMs: 10_000 });
    expect(claimed.filter((item) => item.jobId === jobId)).toHaveLength(3);
  });

  it("may be cancelled while paused, and then ends", async () => {
    const { account, actor, jobId } = await jobBy("operator");
    await pauseJobsOfDisabledAccount(db(), account.id);
    await cancelJob(db(), jobId, actor);
    expect(await statusOf(jobId)).toBe("cancelled");
  });
});
