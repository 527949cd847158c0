import { describe, expect, it } from "vitest";
import { InFlightLimiter, tenantLimiter } from "./limiter";

describe("InFlightLimiter", () => {
  it("never lets more than the cap run, and serves waiters in order", async () => {
    const limiter = new InFlightLimiter(2);
    const order: number[] = [];
    const slots = await Promise.all([limiter.acquire(), limiter.acquire()]);
    const third = limiter.acquire().then((slot) => (order.push(3), slot));
    const fourth = limiter.acquire().then((slot) => (order.push(4), slot));
    await Promise.resolve();
    expect(limiter.stats()).toMatchObject({ active: 2, queued: 2 });
    slots[0]!.release();
    slots[0]!.release(); // releasing twice frees one slot, not two
    const thirdSlot = await third;
    expect(order).toEqual([3]);
    expect(limiter.stats()).toMatchObject({ active: 2, queued: 1, peak: 2 });
    slots[1]!.release();
    (await fourth).release();
    thirdSlot.release();
    expect(limiter.stats()).toMatchObject({ active: 0, queued: 0, peak: 2 });
  });

  it("halves the cap on a throttle and grows it back with successes", async () => {
    const limiter = new InFlightLimiter(8);
    const first = await limiter.acquire();
    first.throttled();
    first.release();
    expect(limiter.stats().limit).toBe(4);
    const second = await limiter.acquire();
    second.throttled();
    second.release();
    expect(limiter.stats().limit).toBe(2);
    for (let i = 0; i < 2; i += 1) {
      const slot = await limiter.acquire();
      slot.succeeded();
      slot.release();
    }
    expect(limiter.stats().limit).toBe(3);
  });

  it("halves once per throttling episode: throttles of requests sent under the old cap do not count again", async () => {
    const limiter = new InFlightLimiter(10);
    const inFlight = await Promise.all(Array.from({ length: 10 }, () => limiter.acquire()));
    for (const slot of inFlight) slot.throttled();
    expect(limiter.stats().limit).toBe(5);
    for (const slot of inFlight) slot.release();
    // A request sent under the new cap that is throttled again starts a new episode.
    const next = await limiter.acquire();
    next.throttled();
    next.release();
    expect(limiter.stats().limit).toBe(2);
  });

  it("does not stop new starts after a throttle beyond the lower cap", async () => {
    const limiter = new InFlightLimiter(4);
    const slot = await limiter.acquire();
    slot.throttled();
    slot.release();
    const [a, b] = await Promise.all([limiter.acquire(), limiter.acquire()]);
    expect(limiter.stats()).toMatchObject({ limit: 2, active: 2 });
    let thirdStarted = false;
    const third = limiter.acquire().then((s) => ((thirdStarted = true), s));
    await Promise.resolve();
    expect(thirdStarted).toBe(false);
    a!.release();
    (await third).release();
    b!.release();
  });

  it("drops a waiter whose signal aborts", async () => {
    const limiter = new InFlightLimiter(1);
    const slot = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error("gave up"));
    await expect(waiting).rejects.toThrow("gave up");
    expect(limiter.stats().queued).toBe(0);
    slot.release();
  });

  it("shares one limiter per tenant", () => {
    expect(tenantLimiter("https://a.example", 3)).toBe(tenantLimiter("https://a.example", 3));
    expect(tenantLimiter("https://a.example", 3)).not.toBe(tenantLimiter("https://b.example", 3));
  });
});
