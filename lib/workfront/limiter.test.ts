import { describe, expect, it } from "vitest";
import { InFlightLimiter, tenantLimiter } from "./limiter";

describe("InFlightLimiter", () => {
  it("never lets more than the cap run, and serves waiters in order", async () => {
    const limiter = new InFlightLimiter(2);
    const order: number[] = [];
    const releases = await Promise.all([limiter.acquire(), limiter.acquire()]);
    const third = limiter.acquire().then((release) => (order.push(3), release));
    const fourth = limiter.acquire().then((release) => (order.push(4), release));
    await Promise.resolve();
    expect(limiter.stats()).toMatchObject({ active: 2, queued: 2 });
    releases[0]!();
    releases[0]!(); // releasing twice frees one slot, not two
    const releaseThird = await third;
    expect(order).toEqual([3]);
    expect(limiter.stats()).toMatchObject({ active: 2, queued: 1, peak: 2 });
    releases[1]!();
    (await fourth)();
    releaseThird();
    expect(limiter.stats()).toMatchObject({ active: 0, queued: 0, peak: 2 });
  });

  it("halves the cap on a throttle and grows it back with successes", async () => {
    const limiter = new InFlightLimiter(8);
    limiter.onThrottle(0);
    expect(limiter.stats().limit).toBe(4);
    limiter.onThrottle(0);
    expect(limiter.stats().limit).toBe(2);
    for (let i = 0; i < 2; i += 1) limiter.onSuccess();
    expect(limiter.stats().limit).toBe(3);
  });

  it("pauses new starts after a throttle", async () => {
    const limiter = new InFlightLimiter(4);
    limiter.onThrottle(60);
    let started = false;
    const pending = limiter.acquire().then((release) => {
      started = true;
      release();
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(started).toBe(false);
    await pending;
    expect(started).toBe(true);
  });

  it("drops a waiter whose signal aborts", async () => {
    const limiter = new InFlightLimiter(1);
    const release = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(limiter.stats().queued).toBe(0);
    release();
  });

  it("shares one limiter per tenant", () => {
    expect(tenantLimiter("https://a.example", 3)).toBe(tenantLimiter("https://a.example", 3));
    expect(tenantLimiter("https://a.example", 3)).not.toBe(tenantLimiter("https://b.example", 3));
  });
});
