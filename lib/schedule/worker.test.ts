import { expect, it } from "vitest";
import type { TickReport } from "./runner";
import { type ScheduleRunner, startScheduleLoop } from "./worker";

/** The loop around the runner: driven by wake(), never by waiting out its poll interval. */
const idle: TickReport = { claimed: 0, ran: 0, failed: 0, held: 0, retried: 0, paused: 0, overdue: 0, resumed: 0, nextDueMs: null };
const quiet = { info: () => {}, warn: () => {} };

function fakeRunner(reports: TickReport[]) {
  let ticks = 0;
  const waiters: { at: number; resolve: () => void }[] = [];
  const runner: ScheduleRunner = {
    owner: "fake",
    async tick() {
      ticks += 1;
      for (const waiter of waiters.filter((w) => w.at <= ticks)) waiter.resolve();
      return reports[ticks - 1] ?? idle;
    },
  };
  const reached = (at: number) => new Promise<void>((resolve) => (ticks >= at ? resolve() : waiters.push({ at, resolve })));
  return { runner, reached, ticks: () => ticks };
}

it("ticks at start, again at once after a batch that ran, then waits for wake()", async () => {
  const fake = fakeRunner([{ ...idle, claimed: 2, ran: 2 }, idle]);
  // An hour between polls: only wake() can bring the third tick within the test.
  const loop = startScheduleLoop(fake.runner, { pollMs: 3_600_000, logger: quiet });
  await fake.reached(2);
  // Give the loop a turn: it must now be waiting, not ticking.
  await new Promise((resolve) => setImmediate(resolve));
  expect(fake.ticks()).toBe(2);
  loop.wake();
  await fake.reached(3);
  await loop.stop();
  expect(fake.ticks()).toBe(3);
});

it("sleeps only until the next schedule is due when that comes before the next poll", async () => {
  // An hour between polls; the first tick says a schedule is due now: the second tick follows by itself.
  const fake = fakeRunner([{ ...idle, nextDueMs: 0 }, idle]);
  const loop = startScheduleLoop(fake.runner, { pollMs: 3_600_000, logger: quiet });
  await fake.reached(2);
  await new Promise((resolve) => setImmediate(resolve));
  expect(fake.ticks()).toBe(2);
  await loop.stop();
});

it("a tick that throws is logged and the loop goes on", async () => {
  let calls = 0;
  const warnings: string[] = [];
  const runner: ScheduleRunner = {
    owner: "flaky",
    tick: async () => {
      calls += 1;
      if (calls === 1) throw new Error("database hiccup");
      return idle;
    },
  };
  const loop = startScheduleLoop(runner, { pollMs: 3_600_000, logger: { info: () => {}, warn: (...args: unknown[]) => void warnings.push(String(args[1])) } });
  await new Promise((resolve) => setImmediate(resolve));
  loop.wake();
  await new Promise((resolve) => setImmediate(resolve));
  await loop.stop();
  expect(calls).toBeGreaterThanOrEqual(2);
  expect(warnings).toHaveLength(1);
});
