import { beforeAll, expect, it } from "vitest";
import { withTestDatabase } from "@/lib/db/test-databases";
import { listAuditEvents } from "./list";
import { seedEvents, workfrontId } from "./test-fixtures";

const day = (d: number, hour = 12) => new Date(Date.UTC(2030, 4, d, hour));

withTestDatabase("listing the audit log", ({ db }) => {
  // A known history, alone in this suite's database, so totals are exact.
  beforeAll(async () => {
    await seedEvents(db(), [
      {
        occurredAt: day(1),
        actorEmail: "alice@hr.example",
        targetName: "Bob Builder",
        targetEmail: "bob@corp.example",
      },
      {
        occurredAt: day(2),
        actorEmail: "alice@hr.example",
        targetName: "Carol 100% Real",
        outcome: "failed",
        errorCode: "timeout",
      },
      {
        occurredAt: day(3),
        actorEmail: "dave@it.example",
        action: "reactivate",
        targetName: "Bob Builder",
        targetId: workfrontId(1),
      },
      {
        occurredAt: day(3, 23),
        actorEmail: "dave@it.example",
        outcome: "refused",
        refusedReason: "Protected",
        targetName: "Eve_Admin",
      },
      ...Array.from({ length: 60 }, (_, i) => ({
        occurredAt: day(10),
        actorEmail: "bulk@it.example",
        targetId: workfrontId(1000 + i),
        targetName: `Bulk ${i}`,
      })),
    ]);
  });

  it("pages newest first, with the total", async () => {
    const first = await listAuditEvents(db(), { pageSize: 25 });
    expect(first).toMatchObject({ total: 64, page: 1, pageSize: 25 });
    expect(first.rows).toHaveLength(25);
    const last = await listAuditEvents(db(), { page: 3, pageSize: 25 });
    expect(last.rows.map((row) => row.targetName)).toEqual([
      ...Array.from({ length: 10 }, (_, i) => `Bulk ${9 - i}`),
      "Eve_Admin",
      "Bob Builder",
      "Carol 100% Real",
      "Bob Builder",
    ]);
    expect(last.rows.at(-1)?.occurredAt).toEqual(day(1));
    // Rows written in the same millisecond come out in a stable order, never twice.
    const all = [
      ...first.rows,
      ...(await listAuditEvents(db(), { page: 2, pageSize: 25 })).rows,
      ...last.rows,
    ];
    expect(new Set(all.map((row) => row.id)).size).toBe(64);
  });

  it("accepts query-string values and refuses other page sizes and unknown filters", async () => {
    expect((await listAuditEvents(db(), { page: "2", pageSize: "50" })).rows).toHaveLength(14);
    await expect(listAuditEvents(db(), { pageSize: 30 })).rejects.toThrow(/pageSize/);
    await expect(listAuditEvents(db(), { page: 0 })).rejects.toThrow();
    // @ts-expect-error: unknown fields are refused, not ignored
    await expect(listAuditEvents(db(), { sort: "name" })).rejects.toThrow();
  });

  it("filters by part of the actor's e-mail, case-insensitively", async () => {
    expect((await listAuditEvents(db(), { actor: "ALICE@" })).total).toBe(2);
    expect((await listAuditEvents(db(), { actor: "it.example" })).total).toBe(62);
  });

  it("filters by target ID exactly, or by part of the name or e-mail", async () => {
    expect((await listAuditEvents(db(), { target: workfrontId(1).toUpperCase() })).total).toBe(2);
    expect((await listAuditEvents(db(), { target: workfrontId(1).slice(0, 31) })).total).toBe(0);
    expect((await listAuditEvents(db(), { target: "bob@corp" })).total).toBe(1);
    expect((await listAuditEvents(db(), { target: "builder" })).total).toBe(2);
  });

  it("treats % and _ as plain characters", async () => {
    expect((await listAuditEvents(db(), { target: "100%" })).rows.map((row) => row.targetName)).toEqual([
      "Carol 100% Real",
    ]);
    expect((await listAuditEvents(db(), { target: "e_a" })).rows.map((row) => row.targetName)).toEqual([
      "Eve_Admin",
    ]);
    expect((await listAuditEvents(db(), { target: "%" })).total).toBe(1);
  });

  it("filters by action and outcome", async () => {
    expect((await listAuditEvents(db(), { action: "reactivate" })).total).toBe(1);
    expect((await listAuditEvents(db(), { outcome: "failed" })).rows[0]?.errorCode).toBe("timeout");
    expect((await listAuditEvents(db(), { action: "deactivate", outcome: "refused" })).total).toBe(1);
    // @ts-expect-error: unknown values are refused
    await expect(listAuditEvents(db(), { outcome: "deleted" })).rejects.toThrow();
  });

  it("filters by date range: whole days in APP_TIME_ZONE (UTC here; lib/time/zoned-day.test.ts has others), or exact moments", async () => {
    expect((await listAuditEvents(db(), { from: "2030-05-02", to: "2030-05-03" })).total).toBe(3);
    expect((await listAuditEvents(db(), { to: "2030-05-03T12:00:00.000Z" })).total).toBe(3);
    expect((await listAuditEvents(db(), { from: "2030-05-03T12:00:00.001Z", to: "2030-05-09" })).total).toBe(
      1,
    );
    expect((await listAuditEvents(db(), { from: day(10) })).total).toBe(60);
    await expect(listAuditEvents(db(), { from: "2030-05-04", to: "2030-05-03" })).rejects.toThrow(
      /from must not be after to/,
    );
    await expect(listAuditEvents(db(), { from: "yesterday" })).rejects.toThrow(/date/);
  });
});
