import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { getJobDetail, getJobDto } from "./queries";
import { insertItems, insertJobRow, jobUuid, targetId } from "./test-rows";

let handle: DatabaseHandle;

const MIXED = jobUuid(1);
const RUNNING = jobUuid(2);
const UNKNOWN = jobUuid(99);

beforeAll(async () => {
  handle = await createMigratedTestDatabase();
  const db = handle.db;
  // Positions 0…7: two pending, a running one, three succeeded, a failed one, a refused one.
  await insertJobRow(db, {
    id: MIXED,
    status: "running",
    startedAt: new Date("2026-03-02T09:00:00.000Z"),
    totalItems: 8,
  });
  await insertItems(db, MIXED, [
    { state: "succeeded" },
    { state: "pending" },
    { state: "failed" },
    { state: "running" },
    { state: "succeeded" },
    { state: "refused", errorCode: "admin_target" },
    { state: "pending" },
    { state: "succeeded" },
  ]);
  // A running job started ten minutes ago: three people finished in the last minute (seconds
  // ago, by the database's clock), two long before; five still to do.
  const now = Date.now();
  const ago = (s: number) => new Date(now - s * 1000);
  await insertJobRow(db, { id: RUNNING, status: "running", startedAt: ago(600), totalItems: 10 });
  await insertItems(
    db,
    RUNNING,
    [
      { state: "succeeded", finishedAt: ago(3_600) },
      { state: "already", finishedAt: ago(3_000) },
      { state: "succeeded", finishedAt: ago(5) },
      { state: "failed", finishedAt: ago(4) },
      { state: "succeeded", finishedAt: ago(3) },
      { state: "pending" },
      { state: "pending" },
      { state: "pending" },
      { state: "pending" },
      { state: "running" },
    ],
    100,
  );
});

afterAll(async () => {
  await handle?.close();
});

describe("getJobDto", () => {
  it("answers undefined for a job that does not exist", async () => {
    expect(await getJobDto(handle.db, UNKNOWN)).toBeUndefined();
  });

  it("counts the job's people by state", async () => {
    const dto = await getJobDto(handle.db, MIXED);
    expect(dto?.counts).toEqual({
      total: 8,
      pending: 2,
      running: 1,
      succeeded: 3,
      already: 0,
      failed: 1,
      refused: 1,
      cancelled: 0,
      remaining: 3,
      done: 5,
    });
    expect(dto?.progress).toBe(0.625);
  });

  it("rates a running job by the people finished in the last minute, and gives the ETA of the rest at that rate", async () => {
    const dto = await getJobDto(handle.db, RUNNING);
    expect(dto?.counts.remaining).toBe(5);
    // 3 in the last 60 s: 0.05 per second; 5 left: 100 s.
    expect({ ratePerSecond: dto?.ratePerSecond, etaSeconds: dto?.etaSeconds }).toEqual({
      ratePerSecond: 0.05,
      etaSeconds: 100,
    });
  });
});

describe("getJobDetail", () => {
  const page = (state: "remaining" | "failed" | "succeeded" | undefined, pageNumber = 1, pageSize = 50) =>
    ({ state, page: pageNumber, pageSize }) as Parameters<typeof getJobDetail>[2];

  it("answers undefined for a job that does not exist", async () => {
    expect(await getJobDetail(handle.db, UNKNOWN, page(undefined))).toBeUndefined();
  });

  it("answers all the job's people in their order when no state is asked for", async () => {
    const detail = await getJobDetail(handle.db, MIXED, page(undefined));
    expect(detail?.job.counts.total).toBe(8);
    expect(detail?.items.rows.map((row) => [row.position, row.state])).toEqual([
      [0, "succeeded"],
      [1, "pending"],
      [2, "failed"],
      [3, "running"],
      [4, "succeeded"],
      [5, "refused"],
      [6, "pending"],
      [7, "succeeded"],
    ]);
    expect({ ...detail?.items, rows: undefined }).toEqual({
      rows: undefined,
      total: 8,
      page: 1,
      pageSize: 50,
      state: null,
    });
  });

  it("the remaining people are those pending or running", async () => {
    const detail = await getJobDetail(handle.db, MIXED, page("remaining"));
    expect(detail?.items.rows.map((row) => [row.targetId, row.state])).toEqual([
      [targetId(2), "pending"],
      [targetId(4), "running"],
      [targetId(7), "pending"],
    ]);
    expect(detail?.items.total).toBe(3);
    expect(detail?.items.state).toBe("remaining");
  });

  it("filters by one state, and counts the filtered people, not the page", async () => {
    const detail = await getJobDetail(handle.db, MIXED, page("succeeded", 2, 2));
    expect(detail?.items.rows.map((row) => row.position)).toEqual([7]);
    expect(detail?.items).toMatchObject({ total: 3, page: 2, pageSize: 2, state: "succeeded" });
    // The job's own counts stay those of all its people.
    expect(detail?.job.counts.done).toBe(5);
  });

  it("pages through all the people by position", async () => {
    const second = await getJobDetail(handle.db, MIXED, page(undefined, 2, 3));
    expect(second?.items.rows.map((row) => row.position)).toEqual([3, 4, 5]);
    expect(second?.items.total).toBe(8);
  });
});
