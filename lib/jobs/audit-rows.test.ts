import { describe, expect, it } from "vitest";
import type { Database } from "@/lib/db";
import type { OpenWorkEvidence } from "@/lib/offboarding/impact/types";
import { CANCELLED_MESSAGE, attemptRow, clip, completedRow, completionFor, insertAuditRows } from "./audit-rows";
import type { ClaimedItem } from "./claim";
import type { JobContext } from "./job-context";
import type { FinalOutcome } from "./record-outcomes";
import { person } from "./test-chunk-workfront";

/** The audit rows a job item gets (lib/jobs/audit-rows.ts), built without a database. */
const job: JobContext = {
  id: "11111111-1111-4111-8111-111111111111",
  kind: "deactivate",
  status: "running",
  reason: "Contracts ended",
  ticket: "HR-7",
  requestId: "req-1",
  clientIp: "10.0.0.1",
  createdByAccountId: null,
  createdByEmail: "operator@example.com",
  createdByRole: "operator",
  createdByTokenId: null,
  cancelRequestedAt: null,
  includeAdmins: false,
  openWorkOverride: null,
  openWorkDeferred: false,
};

const openWork: OpenWorkEvidence = {
  counts: { taskAssignments: 3 },
  total: 3,
  blocking: 0,
  unavailable: [],
  checkedAt: "2026-01-05T10:00:00.000Z",
  override: null,
};

const item: ClaimedItem = {
  id: "22222222-2222-4222-8222-222222222222",
  jobId: job.id,
  targetId: "a".repeat(32),
  targetName: "Name when listed",
  targetEmail: "listed@example.com",
  attempts: 1,
  auditEventId: null,
  openWork,
};

const user = person(0xa, {
  name: "Ann Smith",
  email: "ann@example.com",
  isActive: false,
  licenseType: "LT",
  accessLevel: { id: "b".repeat(32), name: "Planner", isAdmin: false },
  homeGroup: { id: "c".repeat(32), name: "Sales" },
});

const outcome = (state: FinalOutcome["state"], extra: Partial<FinalOutcome> = {}): FinalOutcome => ({
  type: "final",
  job,
  item,
  state,
  user: null,
  ...extra,
});

describe("clip", () => {
  it("keeps short text as it is, cuts long text to 2,000 characters, and keeps null for nothing", () => {
    expect(clip("Workfront said no")).toBe("Workfront said no");
    expect(clip("x".repeat(2_500))).toBe("x".repeat(2_000));
    expect(clip(null)).toBeNull();
    expect(clip(undefined)).toBeNull();
  });
});

describe("attemptRow", () => {
  it("names the person as Workfront has them now, with the job's evidence of their open work", () => {
    const row = attemptRow(job, item, user);
    expect(row).toMatchObject({
      action: "deactivate",
      outcome: "pending",
      targetId: item.targetId,
      targetName: "Ann Smith",
      targetEmail: "ann@example.com",
      isActiveBefore: false,
      openWork,
      jobId: job.id,
      jobItemId: item.id,
      snapshot: { accessLevelId: "b".repeat(32), accessLevelName: "Planner", licenseType: "LT", homeGroupId: "c".repeat(32), homeGroupName: "Sales" },
    });
  });

  it("falls back on the listed name and e-mail when Workfront has none", () => {
    const row = attemptRow(job, item, { ...user, name: null as unknown as string, email: null });
    expect([row.targetName, row.targetEmail]).toEqual(["Name when listed", "listed@example.com"]);
  });

  it("keeps no open-work evidence on a reactivation's row", () => {
    const row = attemptRow({ ...job, kind: "reactivate" }, item, user);
    expect(row.action).toBe("reactivate");
    expect(row.openWork).toBeNull();
  });
});

describe("completionFor", () => {
  it("keeps isActiveAfter as read, and null when it was not", () => {
    expect(completionFor(outcome("succeeded", { isActiveAfter: false }))).toEqual({ outcome: "succeeded", isActiveAfter: false });
    expect(completionFor(outcome("already", { isActiveAfter: true }))).toEqual({ outcome: "already", isActiveAfter: true });
    expect(completionFor(outcome("succeeded"))).toEqual({ outcome: "succeeded", isActiveAfter: null });
  });

  it("a refusal carries its code and sentence, or 'Refused' when it has none", () => {
    expect(completionFor(outcome("refused", { error: { code: "configured", message: "A protected account." } }))).toEqual({
      outcome: "refused",
      refusedCode: "configured",
      refusedReason: "A protected account.",
    });
    expect(completionFor(outcome("refused"))).toEqual({ outcome: "refused", refusedCode: undefined, refusedReason: "Refused" });
  });

  it("a cancelled person is a failure coded 'cancelled', with the standard sentence unless one is given", () => {
    expect(completionFor(outcome("cancelled", { isActiveAfter: true }))).toEqual({
      outcome: "failed",
      errorCode: "cancelled",
      errorMessage: CANCELLED_MESSAGE,
      isActiveAfter: true,
    });
    expect(completionFor(outcome("cancelled", { error: { code: "other", message: "Checked: unchanged." } }))).toEqual({
      outcome: "failed",
      errorCode: "cancelled",
      errorMessage: "Checked: unchanged.",
      isActiveAfter: null,
    });
  });

  it("a failure carries its error, or code 'failed' and no message when there is none", () => {
    expect(completionFor(outcome("failed", { error: { code: "not_found", message: "Workfront has no such user." } }))).toEqual({
      outcome: "failed",
      errorCode: "not_found",
      errorMessage: "Workfront has no such user.",
      isActiveAfter: null,
    });
    expect(completionFor(outcome("failed", { isActiveAfter: true }))).toEqual({
      outcome: "failed",
      errorCode: "failed",
      errorMessage: null,
      isActiveAfter: true,
    });
  });
});

describe("completedRow", () => {
  it("an 'already' row says the person was inactive before, with their access snapshot", () => {
    const row = completedRow(outcome("already", { user, isActiveAfter: false }));
    expect(row.isActiveBefore).toBe(false);
    expect(row).toMatchObject({ outcome: "already", isActiveAfter: false, targetName: "Ann Smith", snapshot: { accessLevelName: "Planner" } });
  });

  it("a failure before Workfront was read has no isActiveBefore and no snapshot, and the listed name", () => {
    const row = completedRow(outcome("failed", { error: { code: "not_found", message: "Gone." } }));
    expect(row.isActiveBefore).toBeNull();
    expect(row.snapshot).toBeNull();
    expect([row.targetName, row.targetEmail, row.errorCode, row.errorMessage]).toEqual(["Name when listed", "listed@example.com", "not_found", "Gone."]);
  });

  it("a refusal row keeps the open-work evidence, its code and its sentence", () => {
    const row = completedRow(outcome("refused", { user: { ...user, isActive: true }, error: { code: "admin_target", message: "An admin." } }));
    expect(row).toMatchObject({ outcome: "refused", isActiveBefore: true, refusedCode: "admin_target", refusedReason: "An admin.", openWork });
  });
});

describe("insertAuditRows", () => {
  it("writes nothing, and does not touch the database, when there are no rows", async () => {
    const untouchable = {
      execute: () => {
        throw new Error("no statement expected");
      },
    } as unknown as Database;
    const inserted = await insertAuditRows(untouchable, []);
    expect(inserted).toEqual(new Map());
  });
});
