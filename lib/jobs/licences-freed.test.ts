import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { licencesFreedByJob } from "./licences-freed";
import { insertAuditRow, insertItems, insertJobRow, jobUuid, targetId } from "./test-rows";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
});

afterAll(async () => {
  await handle?.close();
});

/** Succeeded items of `jobId`, people `first`…, each with an audit row recording `licences[i]`. */
async function succeeded(jobId: string, first: number, licences: (string | null)[]) {
  const items = [];
  for (const [i, licenseType] of licences.entries()) {
    const auditEventId = await insertAuditRow(handle.db, {
      jobId,
      targetId: targetId(first + i),
      licenseType,
    });
    items.push({ state: "succeeded" as const, auditEventId });
  }
  await insertItems(handle.db, jobId, items, first);
}

describe("licencesFreedByJob", () => {
  it("answers an empty list while there is no deactivation job", async () => {
    expect(await licencesFreedByJob(handle.db)).toEqual([]);
  });

  describe("with jobs", () => {
    const older = jobUuid(1);
    const newer = jobUuid(2);
    const reactivation = jobUuid(3);
    const nothingFreed = jobUuid(4);

    beforeAll(async () => {
      const db = handle.db;
      await insertJobRow(db, {
        id: older,
        status: "completed",
        createdAt: new Date("2026-01-05T09:00:00.000Z"),
        createdByEmail: "older@example.com",
        reason: "Left in January",
        ticket: "HR-1",
        sourceName: "january.csv",
        totalItems: 3,
      });
      await insertJobRow(db, {
        id: newer,
        status: "completed",
        createdAt: new Date("2026-02-05T09:00:00.000Z"),
        createdByEmail: "newer@example.com",
        reason: "Left in February",
        ticket: null,
        sourceName: null,
        totalItems: 9,
      });
      await insertJobRow(db, {
        id: reactivation,
        kind: "reactivate",
        status: "completed",
        createdAt: new Date("2026-03-05T09:00:00.000Z"),
        totalItems: 2,
      });
      await insertJobRow(db, {
        id: nothingFreed,
        status: "completed",
        createdAt: new Date("2026-01-01T09:00:00.000Z"),
        createdByEmail: "first@example.com",
        totalItems: 1,
      });
      // Older: one FULL, two WORK.
      await succeeded(older, 1, ["WORK", "FULL", "WORK"]);
      // Newer: one REQUEST, two FULL, four LIGHT, three people whose snapshot named no licence.
      await succeeded(newer, 11, [
        "REQUEST",
        "FULL",
        null,
        "LIGHT",
        "FULL",
        "LIGHT",
        null,
        "LIGHT",
        null,
        "LIGHT",
      ]);
      // Already inactive, failed: nothing freed, even with an audit row that names a licence.
      const alreadyAudit = await insertAuditRow(db, {
        jobId: newer,
        targetId: targetId(30),
        licenseType: "FULL",
      });
      await insertItems(
        db,
        newer,
        [
          { state: "already", auditEventId: alreadyAudit, position: 20 },
          { state: "failed", position: 21 },
        ],
        30,
      );
      // A reactivation's people are not counted.
      await succeeded(reactivation, 41, ["FULL", "FULL"]);
      await insertItems(db, nothingFreed, [{ state: "refused", errorCode: "admin_target" }], 50);
    });

    it("lists the deactivation jobs newest first, each with its licences by count, largest first, and their total", async () => {
      expect(await licencesFreedByJob(handle.db)).toEqual([
        {
          id: newer,
          jobId: newer,
          createdAt: new Date("2026-02-05T09:00:00.000Z"),
          createdByEmail: "newer@example.com",
          reason: "Left in February",
          ticket: null,
          sourceName: null,
          freed: [
            { licenseType: "LIGHT", count: 4 },
            { licenseType: null, count: 3 },
            { licenseType: "FULL", count: 2 },
            { licenseType: "REQUEST", count: 1 },
          ],
          total: 10,
        },
        {
          id: older,
          jobId: older,
          createdAt: new Date("2026-01-05T09:00:00.000Z"),
          createdByEmail: "older@example.com",
          reason: "Left in January",
          ticket: "HR-1",
          sourceName: "january.csv",
          freed: [
            { licenseType: "WORK", count: 2 },
            { licenseType: "FULL", count: 1 },
          ],
          total: 3,
        },
        {
          id: nothingFreed,
          jobId: nothingFreed,
          createdAt: new Date("2026-01-01T09:00:00.000Z"),
          createdByEmail: "first@example.com",
          reason: "Contracts ended",
          ticket: null,
          sourceName: null,
          freed: [],
          total: 0,
        },
      ]);
    });

    it("answers only the newest `limit` jobs", async () => {
      expect((await licencesFreedByJob(handle.db, 2)).map((job) => job.jobId)).toEqual([newer, older]);
    });
  });
});
