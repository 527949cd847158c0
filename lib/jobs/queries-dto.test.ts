import { describe, expect, it } from "vitest";
import type { JobRow } from "@/lib/db";
import { emptyItemCounts } from "./dto";
import { toJobDto, toJobItemDto } from "./queries";
import type { ItemState, JobStatus } from "./vocabulary";

/** toJobDto is pure: a job row, its item counts and a given `now`; no database, no clock. */
const NOW = Date.parse("2026-03-02T10:00:00.000Z");
const secondsAgo = (s: number) => new Date(NOW - s * 1000);

function jobRow(values: Partial<JobRow> = {}): JobRow {
  const status = values.status ?? "queued";
  return {
    id: "00000000-0000-4000-8000-000000000001",
    kind: "deactivate",
    status,
    createdByAccountId: null,
    createdByEmail: "creator@example.com",
    createdByRole: "operator",
    createdByTokenId: null,
    reason: "Contracts ended",
    ticket: null,
    sourceName: null,
    requestId: "test-request",
    clientIp: null,
    undoOf: null,
    totalItems: 10,
    includeAdmins: false,
    openWorkOverride: null,
    openWorkDeferred: false,
    createdAt: secondsAgo(3600),
    startedAt: status === "queued" ? null : secondsAgo(600),
    finishedAt: null,
    cancelRequestedAt: null,
    pausedAt: null,
    lastErrorCode: null,
    lastErrorMessage: null,
    ...values,
  };
}

function stats(byState: Partial<Record<ItemState, number>>, recent = 0) {
  return { byState: { ...emptyItemCounts(), ...byState }, recent };
}

const rateOf = (job: JobRow, s: ReturnType<typeof stats>) => {
  const dto = toJobDto(job, s, NOW);
  return { ratePerSecond: dto.ratePerSecond, etaSeconds: dto.etaSeconds };
};

describe("toJobDto", () => {
  it("copies the job's fields, dates as ISO strings, and answers zero counts when the job has no items", () => {
    const job = jobRow({
      status: "completed",
      createdByEmail: "api@example.com",
      createdByRole: "admin",
      createdByTokenId: "00000000-0000-4000-8000-0000000000aa",
      ticket: "HR-7",
      sourceName: "leavers.csv",
      undoOf: "00000000-0000-4000-8000-0000000000bb",
      createdAt: new Date("2026-03-01T08:00:00.000Z"),
      startedAt: new Date("2026-03-01T08:00:01.000Z"),
      finishedAt: new Date("2026-03-01T08:05:00.000Z"),
      cancelRequestedAt: new Date("2026-03-01T08:04:00.000Z"),
      pausedAt: new Date("2026-03-01T08:03:00.000Z"),
    });
    expect(toJobDto(job, undefined, NOW)).toEqual({
      id: job.id,
      kind: "deactivate",
      status: "completed",
      createdBy: { email: "api@example.com", role: "admin", tokenId: "00000000-0000-4000-8000-0000000000aa" },
      reason: "Contracts ended",
      ticket: "HR-7",
      sourceName: "leavers.csv",
      undoOf: "00000000-0000-4000-8000-0000000000bb",
      createdAt: "2026-03-01T08:00:00.000Z",
      startedAt: "2026-03-01T08:00:01.000Z",
      finishedAt: "2026-03-01T08:05:00.000Z",
      cancelRequestedAt: "2026-03-01T08:04:00.000Z",
      pausedAt: "2026-03-01T08:03:00.000Z",
      lastError: null,
      counts: {
        total: 0,
        pending: 0,
        running: 0,
        succeeded: 0,
        already: 0,
        failed: 0,
        refused: 0,
        cancelled: 0,
        remaining: 0,
        done: 0,
      },
      progress: 0,
      ratePerSecond: null,
      etaSeconds: null,
      actions: { cancel: false, retry: false, undo: false, resume: false },
    });
  });

  it("answers the last error with its message, and an empty message when none was kept", () => {
    expect(
      toJobDto(jobRow({ lastErrorCode: "auth", lastErrorMessage: "The API key was refused" }), undefined, NOW)
        .lastError,
    ).toEqual({
      code: "auth",
      message: "The API key was refused",
    });
    expect(
      toJobDto(jobRow({ lastErrorCode: "auth", lastErrorMessage: null }), undefined, NOW).lastError,
    ).toEqual({ code: "auth", message: "" });
  });

  describe("rate and ETA", () => {
    it("a running job: people finished in the last minute per second, and the remaining people at that rate", () => {
      // 3 in the last 60 s: 0.05 per second; 9 left: 180 s.
      expect(
        rateOf(
          jobRow({ status: "running", startedAt: secondsAgo(600) }),
          stats({ pending: 7, running: 2, succeeded: 3 }, 3),
        ),
      ).toEqual({
        ratePerSecond: 0.05,
        etaSeconds: 180,
      });
    });

    it("a cancelling job has a rate and ETA too", () => {
      expect(
        rateOf(
          jobRow({ status: "cancelling", startedAt: secondsAgo(600) }),
          stats({ pending: 7, running: 2, succeeded: 3 }, 3),
        ),
      ).toEqual({
        ratePerSecond: 0.05,
        etaSeconds: 180,
      });
    });

    it("a job started less than a minute ago: the rate over the time since it started", () => {
      // 6 in 30 s: 0.2 per second; 8 left: 40 s.
      expect(
        rateOf(
          jobRow({ status: "running", startedAt: secondsAgo(30) }),
          stats({ pending: 8, succeeded: 6 }, 6),
        ),
      ).toEqual({
        ratePerSecond: 0.2,
        etaSeconds: 40,
      });
    });

    it("a slow job that finished nobody in the last minute: the rate since the start", () => {
      // 10 done in 100 s: 0.1 per second; 5 left: 50 s.
      expect(
        rateOf(
          jobRow({ status: "running", startedAt: secondsAgo(100) }),
          stats({ pending: 5, succeeded: 6, failed: 4 }, 0),
        ),
      ).toEqual({
        ratePerSecond: 0.1,
        etaSeconds: 50,
      });
    });

    it("rounds a rate to hundredths, and keeps a rate below 0.01 unrounded", () => {
      // 7 in the last minute: 0.1166… → 0.12; 4 left at 0.1166…: 35 s.
      expect(
        rateOf(
          jobRow({ status: "running", startedAt: secondsAgo(600) }),
          stats({ pending: 4, succeeded: 7 }, 7),
        ),
      ).toEqual({
        ratePerSecond: 0.12,
        etaSeconds: 35,
      });
      // 1 done in 1000 s: 0.001 per second; 2 left: 2000 s.
      expect(
        rateOf(
          jobRow({ status: "running", startedAt: secondsAgo(1000) }),
          stats({ pending: 2, succeeded: 1 }, 0),
        ),
      ).toEqual({
        ratePerSecond: 0.001,
        etaSeconds: 2000,
      });
    });

    it("no rate and no ETA before anybody has finished", () => {
      expect(
        rateOf(
          jobRow({ status: "running", startedAt: secondsAgo(600) }),
          stats({ pending: 5, running: 5 }, 0),
        ),
      ).toEqual({
        ratePerSecond: null,
        etaSeconds: null,
      });
      // Started this very moment: elapsed counts as 1 s, still no rate.
      expect(
        rateOf(jobRow({ status: "running", startedAt: new Date(NOW) }), stats({ pending: 5 }, 0)),
      ).toEqual({
        ratePerSecond: null,
        etaSeconds: null,
      });
    });

    it.each<JobStatus>(["queued", "paused_auth", "paused_creator", "completed", "cancelled"])(
      "no rate and no ETA for a %s job, even with people finished in the last minute",
      (status) => {
        expect(
          rateOf(jobRow({ status, startedAt: secondsAgo(600) }), stats({ pending: 2, succeeded: 3 }, 3)),
        ).toEqual({
          ratePerSecond: null,
          etaSeconds: null,
        });
      },
    );
  });

  describe("actions", () => {
    const actionsOf = (values: Partial<JobRow>, byState: Partial<Record<ItemState, number>>) =>
      toJobDto(jobRow(values), stats(byState), NOW).actions;

    it("a queued job can be cancelled, nothing else", () => {
      expect(actionsOf({ status: "queued" }, { pending: 3 })).toEqual({
        cancel: true,
        retry: false,
        undo: false,
        resume: false,
      });
    });

    it("a running job with failures can be retried; without failures it cannot", () => {
      expect(actionsOf({ status: "running" }, { pending: 1, failed: 2 })).toEqual({
        cancel: true,
        retry: true,
        undo: false,
        resume: false,
      });
      expect(actionsOf({ status: "running" }, { pending: 1, succeeded: 2 })).toEqual({
        cancel: true,
        retry: false,
        undo: false,
        resume: false,
      });
    });

    it("a cancelling job cannot be retried, cancelled again or undone, even with failures and successes", () => {
      expect(
        actionsOf(
          { status: "cancelling", cancelRequestedAt: secondsAgo(5) },
          { pending: 1, failed: 2, succeeded: 1 },
        ),
      ).toEqual({
        cancel: false,
        retry: false,
        undo: false,
        resume: false,
      });
    });

    it("a finished deactivation that deactivated somebody can be undone, whether completed or cancelled", () => {
      expect(actionsOf({ status: "completed" }, { succeeded: 2, already: 1 })).toEqual({
        cancel: false,
        retry: false,
        undo: true,
        resume: false,
      });
      expect(actionsOf({ status: "cancelled" }, { succeeded: 2, cancelled: 3 })).toEqual({
        cancel: false,
        retry: false,
        undo: true,
        resume: false,
      });
      expect(actionsOf({ status: "completed" }, { succeeded: 2, failed: 1 })).toEqual({
        cancel: false,
        retry: true,
        undo: true,
        resume: false,
      });
    });

    it("no undo for a finished deactivation that changed nobody, nor for a reactivation", () => {
      expect(actionsOf({ status: "completed" }, { already: 2, refused: 1 }).undo).toBe(false);
      expect(actionsOf({ status: "completed", kind: "reactivate" }, { succeeded: 2 }).undo).toBe(false);
      expect(actionsOf({ status: "running" }, { pending: 1, succeeded: 2 }).undo).toBe(false);
    });

    it("a job paused by Workfront's refusal or by its creator's account can be resumed", () => {
      expect(actionsOf({ status: "paused_auth" }, { pending: 2 })).toEqual({
        cancel: true,
        retry: false,
        undo: false,
        resume: true,
      });
      expect(actionsOf({ status: "paused_creator" }, { pending: 2 })).toEqual({
        cancel: true,
        retry: false,
        undo: false,
        resume: true,
      });
    });
  });
});

describe("toJobItemDto", () => {
  it("copies the item's fields, its finish time as an ISO string or null", () => {
    const item = {
      id: "00000000-0000-4000-8000-0000000000cc",
      jobId: "00000000-0000-4000-8000-000000000001",
      targetId: "0".repeat(31) + "7",
      targetName: "Ada Lovelace",
      targetEmail: "ada@example.com",
      position: 3,
      state: "failed" as const,
      attempts: 2,
      availableAt: new Date(NOW),
      leaseOwner: null,
      leaseExpiresAt: null,
      errorCode: "network",
      errorMessage: "Workfront did not answer",
      auditEventId: 42,
      openWork: null,
      finishedAt: new Date("2026-03-02T09:59:00.000Z"),
    };
    expect(toJobItemDto(item)).toEqual({
      id: item.id,
      position: 3,
      targetId: item.targetId,
      targetName: "Ada Lovelace",
      targetEmail: "ada@example.com",
      state: "failed",
      attempts: 2,
      errorCode: "network",
      errorMessage: "Workfront did not answer",
      finishedAt: "2026-03-02T09:59:00.000Z",
      auditEventId: 42,
    });
    expect(toJobItemDto({ ...item, state: "pending", finishedAt: null }).finishedAt).toBeNull();
  });
});
