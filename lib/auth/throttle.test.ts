import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authThrottle } from "@/lib/db";
import { forEachDriver } from "@/lib/db/test-databases";
import {
  THROTTLE_POLICIES,
  checkThrottle,
  clearThrottle,
  recordFailure,
  recordSuccess,
  throttleKeys,
} from "./throttle";

const MINUTE = 60_000;
let counter = 0;
/** Each test guesses at its own account from its own address, so tests share the database safely. */
function keys() {
  counter += 1;
  return throttleKeys(`Guessed${counter}@Example.com`, `10.0.0.${counter}`);
}
const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

forEachDriver("sign-in throttling", ({ db }) => {
  it("builds lower-case account keys and optional address keys", () => {
    expect(throttleKeys(" A@B.example ", "1.2.3.4")).toEqual(["email:a@b.example", "ip:1.2.3.4"]);
    expect(throttleKeys("a@b.example", null)).toEqual(["email:a@b.example"]);
  });

  it("allows four failures on an account, locks on the fifth for 15 minutes, then allows again", async () => {
    const [account] = keys();
    const start = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < 4; i += 1) await recordFailure(db(), [account!], { now: at(start, i) });
    expect(await checkThrottle(db(), [account!], { now: at(start, 4) })).toEqual({
      allowed: true,
      retryAfterSeconds: 0,
    });

    await recordFailure(db(), [account!], { now: at(start, 4) });
    expect(await checkThrottle(db(), [account!], { now: at(start, 5) })).toEqual({
      allowed: false,
      retryAfterSeconds: 14 * 60,
    });
    expect((await checkThrottle(db(), [account!], { now: at(start, 19) })).allowed).toBe(true);

    // After the lock, the count starts afresh: one more failure does not lock again.
    await recordFailure(db(), [account!], { now: at(start, 20) });
    expect((await checkThrottle(db(), [account!], { now: at(start, 20) })).allowed).toBe(true);
  });

  it("forgets failures older than the 15-minute window", async () => {
    const [account] = keys();
    const start = new Date("2030-01-02T10:00:00Z");
    for (let i = 0; i < 4; i += 1) await recordFailure(db(), [account!], { now: start });
    await recordFailure(db(), [account!], { now: at(start, 16) });
    const [row] = await db().select().from(authThrottle).where(eq(authThrottle.key, account!));
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
    expect((await checkThrottle(db(), [account!], { now: at(start, 16) })).allowed).toBe(true);
  });

  it("locks an address after 20 failures, across many accounts", async () => {
    const [, address] = keys();
    const start = new Date("2030-01-03T10:00:00Z");
    for (let i = 0; i < THROTTLE_POLICIES.ip.maxFailures; i += 1) {
      await recordFailure(db(), [`email:victim${i}@example.com`, address!], { now: start });
    }
    const status = await checkThrottle(db(), [`email:someone-new@example.com`, address!], { now: start });
    expect(status).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  it("counts concurrent failures without losing any", async () => {
    const [account] = keys();
    const now = new Date("2030-01-04T10:00:00Z");
    await Promise.all(Array.from({ length: 5 }, () => recordFailure(db(), [account!], { now })));
    const [row] = await db().select().from(authThrottle).where(eq(authThrottle.key, account!));
    expect(row?.failures).toBe(5);
    expect((await checkThrottle(db(), [account!], { now })).allowed).toBe(false);
  });

  it("a success clears the account's count but not the address's", async () => {
    const [account, address] = keys();
    const now = new Date("2030-01-05T10:00:00Z");
    for (let i = 0; i < 3; i += 1) await recordFailure(db(), [account!, address!], { now });
    await recordSuccess(db(), [account!, address!]);
    const rows = await db().select().from(authThrottle);
    expect(rows.find((row) => row.key === account)).toBeUndefined();
    expect(rows.find((row) => row.key === address)?.failures).toBe(3);
    await clearThrottle(db(), [address!]);
    expect((await db().select().from(authThrottle).where(eq(authThrottle.key, address!))).length).toBe(0);
  });

  it("drops rows idle for a day when the next failure is recorded", async () => {
    const [old] = keys();
    const [fresh] = keys();
    const start = new Date("2030-01-06T10:00:00Z");
    await recordFailure(db(), [old!], { now: start });
    await recordFailure(db(), [fresh!], { now: at(start, 25 * 60) });
    const remaining = (await db().select().from(authThrottle)).map((row) => row.key);
    expect(remaining).not.toContain(old);
    expect(remaining).toContain(fresh);
  });
});
