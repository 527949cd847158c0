import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { FaultKind, RunningEmulator } from "../index";
import type { StatsSnapshot } from "../http/stats";
import { V21, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

const stats = (emulator: RunningEmulator) => control<StatsSnapshot>(emulator, "GET", "stats");

// Polls for an event; the bound only turns a condition that never comes into a clear failure, and is
// far from anything a busy machine needs.
async function waitFor(check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe("the tenant's cap on requests in flight", () => {
  it("throttles requests over the cap at once, with the envelope and Retry-After", async () => {
    const emulator = await startTestEmulator({ latencyMs: 100, maxInFlight: 10 });
    try {
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => call(emulator, `${V21}/user/count`)),
      );
      const throttled = answers.filter((a) => a.status === 429);
      expect(throttled.length).toBeGreaterThan(0);
      expect(answers.filter((a) => a.status === 200).length).toBeGreaterThanOrEqual(10);
      expect(throttled[0]!.headers.get("retry-after")).toBe("1");
      expect(throttled[0]!.body.error).toMatchObject({
        class: "com.attask.common.TooManyRequestsException",
        title: null,
        code: 0,
      });
      expect(throttled[0]!.body.error.message).toContain("concurrent");
      const counters = await stats(emulator);
      expect(counters.peakInFlight).toBeLessThanOrEqual(10);
      expect(counters.peakInFlight).toBeGreaterThan(1);
      expect(counters.throttled).toBe(throttled.length);
      expect(counters.total).toBe(30);
      expect(counters.inFlight).toBe(0);
    } finally {
      await emulator.close();
    }
  });

  it("throttles with 500 or 503, no Retry-After and a message about the limit, when told to", async () => {
    const emulator = await startTestEmulator({ latencyMs: 30, maxInFlight: 2, throttle: "503" });
    try {
      for (const mode of ["503", "500"] as const) {
        await control(emulator, "PATCH", "config", { throttle: mode });
        const answers = await Promise.all(
          Array.from({ length: 6 }, () => call(emulator, `${V21}/user/count`)),
        );
        const throttled = answers.filter((a) => a.status !== 200);
        expect(throttled.length, mode).toBeGreaterThan(0);
        for (const answer of throttled) {
          expect(answer.status).toBe(Number(mode));
          expect(answer.headers.get("retry-after")).toBeNull();
          expect(answer.body.error.class).toBe("com.attask.common.InternalException");
          expect(answer.body.error.message).toContain("concurrent API request limit");
        }
      }
      await control(emulator, "PATCH", "config", { maxInFlight: 0 });
      const free = await Promise.all(Array.from({ length: 6 }, () => call(emulator, `${V21}/user/count`)));
      expect(free.every((a) => a.status === 200)).toBe(true);
    } finally {
      await emulator.close();
    }
  });
});

describe("latency and faults", () => {
  let emulator: RunningEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());
  beforeEach(async () => {
    await control(emulator, "PATCH", "config", { faultRate: 0, latencyMs: 0, jitterMs: 0, maxInFlight: 10 });
    await control(emulator, "POST", "reset");
  });
  const only = (kind: FaultKind) =>
    control(emulator, "PATCH", "config", { faultRate: 1, faultKinds: [kind] });

  it("adds the base latency to every API request, but not to control requests", async () => {
    await control(emulator, "PATCH", "config", { latencyMs: 400 });
    // A lower bound only: the emulator sleeps at least its latency, however busy the machine.
    const started = Date.now();
    await call(emulator, `${V21}/user/count`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(395);
    // With a minute of latency, a control request that answers at all (before Vitest's timeout)
    // did not wait for it: no upper time bound that depends on the machine's speed.
    await control(emulator, "PATCH", "config", { latencyMs: 60_000 });
    expect(await stats(emulator)).toHaveProperty("total");
  });

  it("error500: a 500 with the error envelope, and nothing applied", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    await only("error500");
    const answer = await call(emulator, `${V21}/user/${user!.ID}?isActive=false`, { method: "PUT" });
    expect(answer.status).toBe(500);
    expect(answer.body.error.class).toBe("com.attask.common.InternalException");
    expect((await control<{ isActive: boolean }>(emulator, "GET", `users/${user!.ID}`)).isActive).toBe(true);
  });

  it("html502: a CDN's HTML page", async () => {
    await only("html502");
    const answer = await call(emulator, `${V21}/user/count`);
    expect(answer.status).toBe(502);
    expect(answer.headers.get("content-type")).toContain("text/html");
    expect(answer.body).toBeUndefined();
    expect(answer.text).toContain("Bad Gateway");
  });

  it("reset: the connection is destroyed", async () => {
    await only("reset");
    await expect(call(emulator, `${V21}/user/count`)).rejects.toThrow();
  });

  it("hang: no answer ever; the slot frees when the client gives up", async () => {
    await only("hang");
    await expect(call(emulator, `${V21}/user/count`, { signal: AbortSignal.timeout(150) })).rejects.toThrow();
    await waitFor(async () => (await stats(emulator)).inFlight === 0);
  });

  it("malformedJson: a 200 with truncated JSON, the write applied", async () => {
    const [user] = await ordinaryUsers(emulator, 1);
    await only("malformedJson");
    const answer = await call(emulator, `${V21}/user/${user!.ID}?isActive=false`, { method: "PUT" });
    expect(answer.status).toBe(200);
    expect(() => JSON.parse(answer.text)).toThrow();
    expect(answer.text.startsWith('{"data":')).toBe(true);
    expect((await control<{ isActive: boolean }>(emulator, "GET", `users/${user!.ID}`)).isActive).toBe(false);
  });

  it("counts each fault kind, and injects about faultRate of them", async () => {
    // No cap here: a throttled 429 would be a failure that is not a fault.
    await control(emulator, "PATCH", "config", {
      faultRate: 0.5,
      faultKinds: ["error500", "html502"],
      maxInFlight: 0,
    });
    const answers = await Promise.all(Array.from({ length: 200 }, () => call(emulator, `${V21}/user/count`)));
    const failed = answers.filter((a) => a.status !== 200).length;
    const counters = await stats(emulator);
    expect(counters.faults.error500 + counters.faults.html502).toBe(failed);
    expect(counters.faults.reset + counters.faults.hang + counters.faults.malformedJson).toBe(0);
    expect(failed).toBeGreaterThan(60);
    expect(failed).toBeLessThan(140);
  });
});

describe("close()", () => {
  it("returns promptly with a hanging request open", async () => {
    const emulator = await startTestEmulator({ faultRate: 1, faultKinds: ["hang"] });
    const pending = call(emulator, `${V21}/user/count`).then(
      () => "answered",
      () => "failed",
    );
    await waitFor(async () => (await stats(emulator)).inFlight === 1);
    // close() waiting for the request would never end (or wait out a minute's latency): Vitest's
    // timeout fails the test then, with no time bound of our own.
    await emulator.close();
    expect(await pending).toBe("failed");
  });

  it("returns promptly while a request sleeps in its latency", async () => {
    const emulator = await startTestEmulator({ latencyMs: 60_000 });
    const pending = call(emulator, `${V21}/user/count`).catch(() => "failed");
    await waitFor(async () => (await stats(emulator)).inFlight === 1);
    // close() waiting for the request would never end (or wait out a minute's latency): Vitest's
    // timeout fails the test then, with no time bound of our own.
    await emulator.close();
    expect(await pending).toBe("failed");
  });
});
