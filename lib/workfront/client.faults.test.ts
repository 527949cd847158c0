import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { WorkfrontError } from "./errors";
import { clientFor, control, startTestEmulator, stats } from "./test-support";

/**
 * The client under a hostile tenant: 20% of requests fail in every way the emulator knows
 * (500, a CDN's HTML 502, a reset connection, no answer, truncated JSON), and the tenant throttles
 * past 10 requests in flight. Every call must end in a result or a typed error before its deadline.
 */
const CLIENT_CAP = 8;
const DEADLINE_MS = 6_000;
let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 600, maxInFlight: 10, latencyMs: 2, jitterMs: 6, faultRate: 0.2 });
});
afterAll(async () => {
  await emulator?.close();
});

async function settle<T>(work: () => Promise<T>) {
  try {
    await work();
    return { ok: true as const };
  } catch (error) {
    return { ok: false as const, error };
  }
}

it("ends 500 reads and 500 isActive writes in a result or a typed error, within the deadline and the cap", async () => {
  const client = clientFor(emulator, {
    maxInFlight: CLIENT_CAP,
    // Generous enough that a busy CI machine does not turn slow answers into timeouts.
    timeoutMs: 800,
    deadlineMs: DEADLINE_MS,
    retryBaseMs: 20,
    retryCapMs: 200,
  });
  // Read the targets before the faults start, so the test itself is not at their mercy.
  await control(emulator, "PATCH", "config", { faultRate: 0 });
  const targets = await client.searchUsers({
    filters: [{ field: "accessLevel:isAdmin", value: false }],
    sort: [{ field: "ID", direction: "asc" }],
    limit: 500,
  });
  expect(targets).toHaveLength(500);
  await control(emulator, "PATCH", "config", { faultRate: 0.2 });
  await control(emulator, "POST", "stats/reset");

  const outcomes = await Promise.all([
    ...targets.map((user) => settle(() => client.getUser(user.id))),
    ...targets.map((user) => settle(() => client.updateUser(user.id, { isActive: false }))),
  ]);

  for (const outcome of outcomes) {
    // No time bound here (that would be the machine's speed): a call the deadline did not end
    // would hang on a "hang" fault for good, and the test would fail on Vitest's timeout.
    if (!outcome.ok) expect(outcome.error).toBeInstanceOf(WorkfrontError);
  }
  const counters = await stats(emulator);
  // Faults really struck (about one request in five; how many requests there were depends on how
  // many retries the deadlines left room for, which is the machine's speed).
  const faults = Object.values(counters.faults).reduce((sum, count) => sum + count, 0);
  expect(faults).toBeGreaterThan(counters.total * 0.1);
  // The cap is the client's promise: never more than CLIENT_CAP of its own requests open at once.
  // The emulator's peak is not asserted: a request the client gave up on (timeout, hang fault)
  // holds the emulator's slot until it sees the socket close, which a loaded machine delays, so the
  // server may briefly count one the client has already let go of.
  expect(client.limiterStats().peak).toBe(CLIENT_CAP);
  // How many calls the deadline cuts short is the machine's speed (a loaded box queues longer), so
  // it is not asserted here (the sequential test below shows retries carry calls through); every
  // failure must be a transient one the caller may retry.
  const failures = outcomes.flatMap((outcome) => (outcome.ok ? [] : [outcome.error as WorkfrontError]));
  expect(failures.filter((error) => !error.retryable).map((error) => error.code)).toEqual([]);
  expect(outcomes.some((outcome) => outcome.ok)).toBe(true);
});

it("carries every call through 20% faults when the retry budget and deadline allow", async () => {
  // One call at a time, so the emulator's seeded faults strike the same requests on every run.
  await control(emulator, "PATCH", "config", { faultRate: 0.2, faultKinds: ["error500", "html502", "reset", "malformedJson"] });
  await control(emulator, "POST", "stats/reset");
  const client = clientFor(emulator, { maxRetries: 8, retryBaseMs: 1, retryCapMs: 5, deadlineMs: 60_000 });
  const targets = (await clientFor(emulator, { maxRetries: 10 }).searchUsers({ limit: 60 })).map((user) => user.id);
  for (const id of targets) expect((await client.getUser(id)).id).toBe(id);
  const counters = await stats(emulator);
  expect(Object.values(counters.faults).reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0);
  await control(emulator, "PATCH", "config", { faultRate: 0, faultKinds: ["error500", "html502", "reset", "hang", "malformedJson"] });
});

it("backs off when the tenant throttles, and still finishes every read", async () => {
  await control(emulator, "PATCH", "config", { faultRate: 0, maxInFlight: 3, latencyMs: 20, jitterMs: 0 });
  await control(emulator, "POST", "stats/reset");
  const client = clientFor(emulator, { maxInFlight: 12, retryBaseMs: 20, retryCapMs: 200, deadlineMs: 20_000 });
  const results = await Promise.all(Array.from({ length: 30 }, (_, page) => client.searchUsers({ first: page, limit: 1 })));
  expect(results.every((users) => users.length === 1)).toBe(true);
  expect((await stats(emulator)).throttled).toBeGreaterThan(0);
  // The client lowered its own cap when throttled (the emulator's peak would prove nothing: it
  // answers 429 before it counts a request).
  expect(client.limiterStats().limit).toBeLessThan(12);
  await control(emulator, "PATCH", "config", { maxInFlight: 10, latencyMs: 2, jitterMs: 6 });
});

it("gives up on a request that never answers with a timeout, stopped by the deadline", async () => {
  await control(emulator, "PATCH", "config", { faultRate: 1, faultKinds: ["hang"] });
  await control(emulator, "POST", "stats/reset");
  // Retries are all but unlimited, so only the deadline can end the call: each try lasts at least
  // its 150 ms timeout, so a 600 ms deadline leaves room for at most four (five with rounding).
  const client = clientFor(emulator, { timeoutMs: 150, deadlineMs: 600, maxRetries: 1_000, retryBaseMs: 10, retryCapMs: 20 });
  const error = await client.searchUsers({ limit: 1 }).catch((reason: unknown) => reason);
  expect(error).toBeInstanceOf(WorkfrontError);
  expect((error as WorkfrontError).code).toBe("timeout");
  const tries = (await stats(emulator)).total;
  expect(tries).toBeGreaterThanOrEqual(1);
  expect(tries).toBeLessThanOrEqual(5);
  await control(emulator, "PATCH", "config", { faultRate: 0 });
});

it("never retries a call that is not idempotent", async () => {
  await control(emulator, "PATCH", "config", { faultRate: 1, faultKinds: ["error500"] });
  await control(emulator, "POST", "stats/reset");
  const client = clientFor(emulator);
  const error = await client
    .generateApiKey({ username: emulator.integrationUser.username, password: emulator.integrationUser.password })
    .catch((reason: unknown) => reason);
  expect((error as WorkfrontError).code).toBe("unavailable");
  expect((await stats(emulator)).total).toBe(1);
  await control(emulator, "PATCH", "config", { faultRate: 0 });
});

it("retries an idempotent read through a CDN error page and recovers", async () => {
  await control(emulator, "PATCH", "config", { faultRate: 1, faultKinds: ["html502"] });
  await control(emulator, "POST", "stats/reset");
  const client = clientFor(emulator, { maxRetries: 2 });
  const error = await client.searchUsers({ limit: 1 }).catch((reason: unknown) => reason);
  expect((error as WorkfrontError).code).toBe("unavailable");
  expect((await stats(emulator)).total).toBe(3);
  await control(emulator, "PATCH", "config", { faultRate: 0 });
  expect(await client.searchUsers({ limit: 1 })).toHaveLength(1);
});
