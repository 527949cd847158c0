import { afterEach, describe, expect, it, vi } from "vitest";
import { backoffDelay, parseRetryAfter, sleep } from "./retry";

describe("backoffDelay", () => {
  it("doubles the window per attempt, with full jitter below it", () => {
    const top = () => 0.999_999;
    expect(backoffDelay(0, 100, 10_000, top)).toBe(99);
    expect(backoffDelay(1, 100, 10_000, top)).toBe(199);
    expect(backoffDelay(3, 100, 10_000, top)).toBe(799);
    expect(backoffDelay(3, 100, 10_000, () => 0)).toBe(0);
    expect(backoffDelay(3, 100, 10_000, () => 0.5)).toBe(400);
  });

  it("never waits longer than the cap", () => {
    expect(backoffDelay(20, 100, 5_000, () => 0.999_999)).toBe(4_999);
    expect(backoffDelay(6, 100, 5_000, () => 0.5)).toBe(2_500);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2026-12-06T08:00:00Z");

  it("reads delta-seconds, whole or fractional, around spaces", () => {
    expect(parseRetryAfter("3", now)).toBe(3_000);
    expect(parseRetryAfter(" 1.5 ", now)).toBe(1_500);
    expect(parseRetryAfter("0", now)).toBe(0);
  });

  it("reads an HTTP date as the time left until it", () => {
    expect(parseRetryAfter("Sun, 06 Dec 2026 08:00:07 GMT", now)).toBe(7_000);
  });

  it("treats a date already past as no wait", () => {
    expect(parseRetryAfter("Sun, 06 Dec 2026 07:59:00 GMT", now)).toBe(0);
  });

  it("ignores a missing, empty or unreadable header", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
  });
});

describe("sleep", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("resolves once its time has passed, not before", async () => {
    vi.useFakeTimers();
    let done = false;
    const slept = sleep(1_000).then(() => {
      done = true;
    });
    await vi.advanceTimersByTimeAsync(999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
  });

  it("rejects with the signal's reason when aborted first, and clears its timer", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const slept = sleep(60_000, controller.signal);
    const reason = new Error("stop");
    controller.abort(reason);
    await expect(slept).rejects.toBe(reason);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("rejects at once for a signal already aborted", async () => {
    const reason = new Error("already");
    await expect(sleep(60_000, AbortSignal.abort(reason))).rejects.toBe(reason);
  });

  it("stops listening to the signal once it has resolved", async () => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const remove = vi.spyOn(controller.signal, "removeEventListener");
    const slept = sleep(10, controller.signal);
    await vi.advanceTimersByTimeAsync(10);
    await slept;
    expect(remove).toHaveBeenCalledWith("abort", expect.any(Function));
  });
});
