import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Database } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { holdPeople, personLockOptions, renewPersonLocks, tryLockPeople, unlockPeople, withPersonLock } from "./person-locks";

/**
 * The timing of person locks, against an in-memory stand-in for the database: when a waiting
 * action tries again and gives up, and how often a bulk chunk renews its leases.
 */
function fakeDb(options: { busyTries?: number } = {}) {
  const tries: number[] = [];
  const updates: number[] = [];
  const deletes: number[] = [];
  const db = {
    execute: async () => {
      tries.push(Date.now());
      const busy = tries.length <= (options.busyTries ?? Infinity);
      return { rows: busy ? [] : [{ target_id: "p1" }] };
    },
    update: () => {
      updates.push(Date.now());
      return { set: () => ({ where: async () => undefined }) };
    },
    delete: () => {
      deletes.push(Date.now());
      return { where: async () => undefined };
    },
  } as unknown as Database;
  return { db, tries, updates, deletes };
}

describe("personLockOptions", () => {
  it("leases for two deadlines and half a minute, and waits one deadline", () => {
    expect(personLockOptions(10_000)).toEqual({ leaseMs: 50_000, waitMs: 10_000 });
    expect(personLockOptions()).toEqual({ leaseMs: 270_000, waitMs: 120_000 });
  });
});

describe("nobody to lock", () => {
  it("asks the database nothing for an empty list", async () => {
    const fake = fakeDb();
    expect(await tryLockPeople(fake.db, "o", [], 1_000)).toEqual(new Set());
    await renewPersonLocks(fake.db, "o", [], 1_000);
    await unlockPeople(fake.db, "o", []);
    expect([fake.tries.length, fake.updates.length, fake.deletes.length]).toEqual([0, 0, 0]);
  });
});

describe("withPersonLock waiting", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("tries again after pauses that grow by half up to 250 ms, and gives up only when the next try would be late", async () => {
    const fake = fakeDb();
    const start = Date.now();
    const outcome = withPersonLock(fake.db, "p1", { leaseMs: 60_000, waitMs: 1_016, pollMs: 10 }, async () => "ran").catch((error: unknown) => error);
    await vi.runAllTimersAsync();
    const error = await outcome;
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code, (error as ApiError).message]).toEqual([
      409,
      "person_busy",
      "Another action on this person is still running. Try again in a moment.",
    ]);
    expect(fake.tries.map((at) => at - start)).toEqual([0, 10, 25, 48, 83, 136, 216, 336, 516, 766, 1016]);
    expect(fake.deletes).toEqual([]);
  });

  it("starts at 20 ms without pollMs, runs the action once the person is free, and releases them", async () => {
    const fake = fakeDb({ busyTries: 3 });
    const start = Date.now();
    const outcome = withPersonLock(fake.db, "p1", { leaseMs: 60_000, waitMs: 10_000 }, async () => "ran");
    await vi.runAllTimersAsync();
    expect(await outcome).toBe("ran");
    expect(fake.tries.map((at) => at - start)).toEqual([0, 20, 50, 95]);
    expect(fake.deletes.length).toBe(1);
  });
});

describe("holdPeople renewal", () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date("2026-12-06T10:00:00Z") }));
  afterEach(() => vi.useRealTimers());

  it("renews the held people every third of the lease until released", async () => {
    const fake = fakeDb({ busyTries: 0 });
    const start = Date.now();
    const hold = await holdPeople(fake.db, ["p1"], 900, "chunk:test");
    expect(hold.held).toEqual(new Set(["p1"]));
    await vi.advanceTimersByTimeAsync(299);
    expect(fake.updates).toEqual([]);
    await vi.advanceTimersByTimeAsync(601);
    expect(fake.updates.map((at) => at - start)).toEqual([300, 600, 900]);
    await hold.release();
    await vi.advanceTimersByTimeAsync(3_000);
    expect(fake.updates.length).toBe(3);
    expect(fake.deletes.length).toBe(1);
  });

  it("renews at most every 100 ms however short the lease", async () => {
    const fake = fakeDb({ busyTries: 0 });
    const start = Date.now();
    const hold = await holdPeople(fake.db, ["p1"], 30, "chunk:short");
    await vi.advanceTimersByTimeAsync(250);
    expect(fake.updates.map((at) => at - start)).toEqual([100, 200]);
    await hold.release();
  });
});
