import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { authThrottle } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { THROTTLE_POLICIES, clearThrottle, recordSuccess, reserveAttempt, throttleKeys } from "./throttle";

const MINUTE = 60_000;
let counter = 0;
/** Each test guesses at its own account from its own address, so tests share the database safely. */
function keys() {
  counter += 1;
  return throttleKeys(`Guessed${counter}@Example.com`, `10.0.0.${counter}`);
}
const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

withTestDatabase("sign-in throttling", ({ db }) => {
  const failures = async (key: string) =>
    (await db().select().from(authThrottle).where(eq(authThrottle.key, key)))[0]?.failures ?? 0;

  it("builds lower-case account keys and optional address keys", () => {
    expect(throttleKeys(" A@B.example ", "1.2.3.4")).toEqual(["email:a@b.example", "ip:1.2.3.4"]);
    expect(throttleKeys("a@b.example", null)).toEqual(["email:a@b.example"]);
  });

  it("allows five checks on an account, then locks for 15 minutes, then allows again", async () => {
    const [account] = keys();
    const start = new Date("2030-01-01T10:00:00Z");
    for (let i = 0; i < 5; i += 1) {
      expect((await reserveAttempt(db(), [account!], { now: at(start, i) })).allowed).toBe(true);
    }
    // The fifth check set the lock (from minute 4); the sixth attempt is refused without a check.
    expect(await reserveAttempt(db(), [account!], { now: at(start, 5) })).toEqual({
      allowed: false,
      retryAfterSeconds: 14 * 60,
    });
    expect((await reserveAttempt(db(), [account!], { now: at(start, 18) })).allowed).toBe(false);
    // After the lock the count starts afresh.
    expect((await reserveAttempt(db(), [account!], { now: at(start, 19) })).allowed).toBe(true);
    expect(await failures(account!)).toBe(1);
  });

  it("forgets attempts older than the 15-minute window, but a lock outlasts its window", async () => {
    const [account] = keys();
    const start = new Date("2030-01-02T10:00:00Z");
    for (let i = 0; i < 4; i += 1) await reserveAttempt(db(), [account!], { now: start });
    await reserveAttempt(db(), [account!], { now: at(start, 16) });
    expect(await failures(account!)).toBe(1);

    const [late] = keys();
    await reserveAttempt(db(), [late!], { now: start });
    for (let i = 0; i < 4; i += 1) await reserveAttempt(db(), [late!], { now: at(start, 14) });
    // Locked at minute 14 until minute 29, though the window opened at minute 0.
    expect((await reserveAttempt(db(), [late!], { now: at(start, 20) })).allowed).toBe(false);
  });

  it("locks an address after 20 checks, across many accounts", async () => {
    const [, address] = keys();
    const start = new Date("2030-01-03T10:00:00Z");
    for (let i = 0; i < THROTTLE_POLICIES.ip.maxFailures; i += 1) {
      expect((await reserveAttempt(db(), [`email:victim${i}@example.com`, address!], { now: start })).allowed).toBe(true);
    }
    const status = await reserveAttempt(db(), [`email:someone-new@example.com`, address!], { now: start });
    expect(status).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 });
  });

  it("lets exactly five of a parallel burst through, whatever the concurrency", async () => {
    const [account, address] = keys();
    const now = new Date("2030-01-04T10:00:00Z");
    const burst = await Promise.all(Array.from({ length: 60 }, () => reserveAttempt(db(), [account!, address!], { now })));
    expect(burst.filter((status) => status.allowed)).toHaveLength(THROTTLE_POLICIES.email.maxFailures);
    // A locked account spends none of its address's attempts.
    expect(await failures(address!)).toBe(THROTTLE_POLICIES.email.maxFailures);
  });

  it("a success clears the account's count and gives the address its attempt back", async () => {
    const [account, address] = keys();
    const now = new Date("2030-01-05T10:00:00Z");
    for (let i = 0; i < 3; i += 1) await reserveAttempt(db(), [account!, address!], { now });
    await recordSuccess(db(), [account!, address!]);
    expect(await failures(account!)).toBe(0);
    expect(await failures(address!)).toBe(2);
    await clearThrottle(db(), [address!]);
    expect((await db().select().from(authThrottle).where(eq(authThrottle.key, address!))).length).toBe(0);
  });

  it("a correct password that reached the address's limit does not lock the address", async () => {
    const [, address] = keys();
    const now = new Date("2030-01-05T11:00:00Z");
    for (let i = 0; i < THROTTLE_POLICIES.ip.maxFailures; i += 1) await reserveAttempt(db(), [`email:p${i}@example.com`, address!], { now });
    await recordSuccess(db(), [`email:p19@example.com`, address!]);
    expect((await reserveAttempt(db(), [`email:next@example.com`, address!], { now })).allowed).toBe(true);
  });

  it("drops rows idle for a day on the next attempt", async () => {
    const [old] = keys();
    const [fresh] = keys();
    const start = new Date("2030-01-06T10:00:00Z");
    await reserveAttempt(db(), [old!], { now: start });
    await reserveAttempt(db(), [fresh!], { now: at(start, 25 * 60) });
    const remaining = (await db().select().from(authThrottle)).map((row) => row.key);
    expect(remaining).not.toContain(old);
    expect(remaining).toContain(fresh);
  });
});
