import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ReconcileDeps } from "./reconcile";
import { DEFAULT_INTERVAL_MS, startAuditReconciler } from "./reconcile-runner";

/**
 * The reconciler's schedule, on faked timers: when it runs, that a pass in progress is shared, that
 * a failing pass is logged and does not stop the schedule, and that stop() ends it. The passes here
 * fail at once (their dependencies cannot be had), which is all the schedule sees of them;
 * reconcile.test.ts runs real passes against a database and the emulator.
 */
function recordingLogger() {
  const errors: { object: object; message: string }[] = [];
  return {
    errors,
    logger: { info: () => {}, warn: () => {}, error: (object: object, message: string) => void errors.push({ object, message }) },
  };
}

/** Dependencies that count how often a pass asked for them, and fail (as a lost database would). */
function failingDeps() {
  const failure = new Error("database unreachable");
  let calls = 0;
  return {
    failure,
    calls: () => calls,
    deps: async (): Promise<ReconcileDeps> => {
      calls += 1;
      throw failure;
    },
  };
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
});
afterEach(() => {
  vi.useRealTimers();
});

describe("the audit reconciler's schedule", () => {
  it("runs at start, then every intervalMs (5 minutes unless told), and never after stop()", async () => {
    const { logger } = recordingLogger();
    const given = failingDeps();
    const reconciler = startAuditReconciler({ deps: given.deps, logger, intervalMs: 1_000 });
    await vi.advanceTimersByTimeAsync(0);
    expect(given.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(999);
    expect(given.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(given.calls()).toBe(2);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(given.calls()).toBe(4);
    await reconciler.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(given.calls()).toBe(4);

    const byDefault = failingDeps();
    const other = startAuditReconciler({ deps: byDefault.deps, logger });
    await vi.advanceTimersByTimeAsync(DEFAULT_INTERVAL_MS - 1);
    expect(byDefault.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(byDefault.calls()).toBe(2);
    expect(DEFAULT_INTERVAL_MS).toBe(5 * 60_000);
    await other.stop();
  });

  it("logs a pass that fails, answers null for it, and keeps to its schedule", async () => {
    const { errors, logger } = recordingLogger();
    const given = failingDeps();
    const reconciler = startAuditReconciler({ deps: given.deps, logger, intervalMs: 1_000 });
    try {
      expect(await reconciler.runNow()).toBeNull();
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toEqual({
        object: { err: given.failure },
        message: "reconciling interrupted audit rows failed; trying again later",
      });
      const before = given.calls();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(given.calls()).toBe(before + 1);
    } finally {
      await reconciler.stop();
    }
  });

  it("shares a pass in progress: runNow() while one runs waits for that one; stop() waits for it and schedules no other", async () => {
    const { logger } = recordingLogger();
    let calls = 0;
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => (release = resolve));
    const reconciler = startAuditReconciler({
      deps: async () => {
        calls += 1;
        await blocked;
        throw new Error("gave up");
      },
      logger,
      intervalMs: 1_000,
    });
    const first = reconciler.runNow();
    const second = reconciler.runNow();
    expect(second).toBe(first);
    let stopped = false;
    const stopping = reconciler.stop().then(() => (stopped = true));
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await first).toBeNull();
    // Stopped while that pass ran: nothing is scheduled after it.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(calls).toBe(1);
    // Once a pass has ended, the next runNow() starts a new one.
    expect(reconciler.runNow()).not.toBe(first);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toBe(2);
  });
});
