import { describe, expect, it } from "vitest";
import { toAuditEventDto } from "./dto";
import type { AuditEvent } from "./types";
import { workfrontId } from "./test-fixtures";

/** A stored row with every column set, as GET /api/audit reads it from the database. */
const row: AuditEvent = {
  id: 7,
  occurredAt: new Date("2030-05-02T10:00:00.123Z"),
  completedAt: new Date("2030-05-02T10:00:01.456Z"),
  actorAccountId: "11111111-1111-4111-8111-111111111111",
  actorEmail: "ops@example.com",
  actorRole: "operator",
  actorTokenId: "22222222-2222-4222-8222-222222222222",
  action: "deactivate",
  targetId: workfrontId(9),
  targetName: "Ada Lovelace",
  targetEmail: "ada@example.com",
  reason: "Left the company",
  ticket: "HR-1",
  outcome: "failed",
  errorCode: "timeout",
  errorMessage: "Workfront did not answer",
  refusedReason: null,
  refusedCode: null,
  overriddenProtection: "configured",
  isActiveBefore: true,
  isActiveAfter: true,
  snapshot: { accessLevelId: null, accessLevelName: "Planner", licenseType: "LT", homeGroupId: null, homeGroupName: null },
  change: { category: "tasks", objCode: "ASSGN", objectId: workfrontId(11), objectName: "Close the books", field: "assignedToID", from: workfrontId(9), to: workfrontId(10), toName: "Grace Hopper" },
  openWork: null,
  requestId: "req-7",
  clientIp: "10.0.0.1",
  jobId: "33333333-3333-4333-8333-333333333333",
  jobItemId: "44444444-4444-4444-8444-444444444444",
  scheduleId: "55555555-5555-4555-8555-555555555555",
  detail: { dueAt: "2030-05-02T10:00:00Z" },
};

describe("an audit row as the JSON API returns it", () => {
  it("has its times as ISO strings and every recorded field as stored", () => {
    expect(toAuditEventDto(row)).toEqual({
      id: 7,
      occurredAt: "2030-05-02T10:00:00.123Z",
      completedAt: "2030-05-02T10:00:01.456Z",
      actorEmail: "ops@example.com",
      actorRole: "operator",
      actorTokenId: "22222222-2222-4222-8222-222222222222",
      action: "deactivate",
      targetId: workfrontId(9),
      targetName: "Ada Lovelace",
      targetEmail: "ada@example.com",
      reason: "Left the company",
      ticket: "HR-1",
      outcome: "failed",
      errorCode: "timeout",
      errorMessage: "Workfront did not answer",
      refusedCode: null,
      refusedReason: null,
      overriddenProtection: "configured",
      isActiveBefore: true,
      isActiveAfter: true,
      snapshot: row.snapshot,
      change: row.change,
      openWork: null,
      requestId: "req-7",
      clientIp: "10.0.0.1",
      jobId: "33333333-3333-4333-8333-333333333333",
      scheduleId: "55555555-5555-4555-8555-555555555555",
      detail: { dueAt: "2030-05-02T10:00:00Z" },
    });
  });

  it("gives a pending row's completion time and a row without a token as null, and never internal account or item IDs", () => {
    const dto = toAuditEventDto({ ...row, completedAt: null, actorTokenId: null });
    expect(dto.completedAt).toBeNull();
    expect(dto.actorTokenId).toBeNull();
    expect(dto).not.toHaveProperty("actorAccountId");
    expect(dto).not.toHaveProperty("jobItemId");
    // The shape survives JSON, as the route sends it.
    expect(JSON.parse(JSON.stringify(dto))).toEqual(dto);
  });
});
