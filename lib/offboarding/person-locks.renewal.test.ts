import { expect, it } from "vitest";
import { withTestDatabase } from "@/lib/db/test-databases";
import { holdPeople, renewPersonLocks, tryLockPeople } from "./person-locks";

/** Renewing and holding leases against a real database. */
const hex = (n: number) => n.toString(16).padStart(32, "0");

withTestDatabase("person lock renewal", ({ db }) => {
  it("a renewal keeps the holder's lapsing lease from being taken over, and only the holder's", async () => {
    const [mine, theirs] = [hex(101), hex(102)];
    expect(await tryLockPeople(db(), "holder", [mine], -1)).toEqual(new Set([mine]));
    expect(await tryLockPeople(db(), "stranger", [theirs], -1)).toEqual(new Set([theirs]));
    await renewPersonLocks(db(), "holder", [mine, theirs], 60_000);
    expect(await tryLockPeople(db(), "late", [mine, theirs], 60_000)).toEqual(new Set([theirs]));
  });

  it("locks a person named twice once", async () => {
    const person = hex(103);
    expect(await tryLockPeople(db(), "twice", [person, person], 60_000)).toEqual(new Set([person]));
  });

  it("two chunks without a named owner do not share people", async () => {
    const person = hex(104);
    const first = await holdPeople(db(), [person], 60_000);
    const second = await holdPeople(db(), [person], 60_000);
    try {
      expect([first.held, second.held]).toEqual([new Set([person]), new Set()]);
    } finally {
      await second.release();
      await first.release();
    }
    expect(await tryLockPeople(db(), "after", [person], 60_000)).toEqual(new Set([person]));
  });
});
