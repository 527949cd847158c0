import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator, StatsSnapshot } from "../index";
import { V21, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

/**
 * `perObjectCostMs`: a request that touches several objects takes longer per object and holds its
 * in-flight slot meanwhile, so a bulk edit or a 100-URI /batch is not one cheap request.
 */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ batch: true });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "POST", "reset");
  await control(emulator, "PATCH", "config", { perObjectCostMs: 0, perRowCostMs: null, maxInFlight: 10 });
});

const stats = () => control<StatsSnapshot>(emulator, "GET", "stats");
const json = (body: unknown): RequestInit => ({
  headers: { "content-type": "application/json" },
  body: JSON.stringify(body),
});

/** Objects written plus rows read that one request was charged for. */
async function charged(send: () => Promise<unknown>): Promise<number> {
  await control(emulator, "POST", "stats/reset");
  await send();
  const after = await stats();
  return after.objectsCharged + after.rowsCharged;
}

describe("the cost model", () => {
  it("charges each object of a bulk edit, a get-many, a search and a /batch; a single PUT or GET none", async () => {
    const users = await ordinaryUsers(emulator, 5);
    const ids = users.map((u) => u.ID);
    const bulk = () =>
      call(emulator, `${V21}/user`, { method: "PUT", ...json(ids.map((ID) => ({ ID, title: "Bulk" }))) });
    expect(await charged(bulk)).toBe(5);
    expect(await charged(() => call(emulator, `${V21}/user?id=${ids.join(",")}`))).toBe(5);
    expect(await charged(() => call(emulator, `${V21}/user/search?$$LIMIT=7`))).toBe(7);
    const uris = new URLSearchParams(ids.slice(0, 3).map((id) => ["uri", `user/${id}`]));
    const batch = () =>
      call(emulator, `${V21}/batch`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: uris.toString(),
      });
    expect(await charged(batch)).toBe(3);
    expect(
      await charged(() =>
        call(emulator, `${V21}/user/${ids[0]}`, { method: "PUT", ...json({ title: "x" }) }),
      ),
    ).toBe(0);
    expect(await charged(() => call(emulator, `${V21}/user/${ids[0]}`))).toBe(0);
    expect(await charged(() => call(emulator, `${V21}/user/count`))).toBe(0);
  });

  it("charges writes as objects and reads as rows", async () => {
    const users = await ordinaryUsers(emulator, 4);
    const ids = users.map((u) => u.ID);
    await control(emulator, "POST", "stats/reset");
    await call(emulator, `${V21}/user`, { method: "PUT", ...json(ids.map((ID) => ({ ID, title: "Bulk" }))) });
    await call(emulator, `${V21}/user/search?$$LIMIT=6`);
    expect(await stats()).toMatchObject({ objectsCharged: 4, rowsCharged: 6 });
  });

  it("makes a read wait perRowCostMs per row when it is set, else perObjectCostMs", async () => {
    const users = await ordinaryUsers(emulator, 5);
    const url = `${V21}/user?id=${users.map((u) => u.ID).join(",")}`;
    await control(emulator, "PATCH", "config", { perObjectCostMs: 0, perRowCostMs: 40 });
    let started = performance.now();
    await call(emulator, url);
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
    await control(emulator, "PATCH", "config", { perObjectCostMs: 40, perRowCostMs: 0 });
    started = performance.now();
    const bulk = () => call(emulator, `${V21}/user`, { method: "PUT", ...json(users.map((u) => ({ ID: u.ID, title: "Slow" }))) });
    await bulk();
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });

  it("makes a request wait perObjectCostMs per object", async () => {
    const users = await ordinaryUsers(emulator, 5);
    await control(emulator, "PATCH", "config", { perObjectCostMs: 40 });
    const started = performance.now();
    await call(emulator, `${V21}/user?id=${users.map((u) => u.ID).join(",")}`);
    // Timers never fire early: five objects are at least 200 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(195);
  });

  it("holds the request's in-flight slot for the whole cost, so it counts against the cap", async () => {
    const costly = await startTestEmulator({ users: 40 });
    let bulk: Promise<unknown> = Promise.resolve();
    try {
      const users = await ordinaryUsers(costly, 3);
      await control(costly, "PATCH", "config", { maxInFlight: 1, perObjectCostMs: 60_000 });
      await control(costly, "POST", "stats/reset");
      bulk = call(costly, `${V21}/user`, {
        method: "PUT",
        ...json(users.map((u) => ({ ID: u.ID, isActive: false }))),
      }).catch(() => "closed");
      // The edits are applied before the cost is paid: once they are, the request sits in its cost.
      while ((await control<StatsSnapshot>(costly, "GET", "stats")).writes < 3)
        await new Promise((resolve) => setTimeout(resolve, 10));
      const other = await call(costly, `${V21}/user/count`);
      expect(other.status).toBe(429);
      expect((await control<StatsSnapshot>(costly, "GET", "stats")).inFlight).toBe(1);
    } finally {
      // close() ends the cost's sleep at once; the bulk request then gets no answer.
      await costly.close();
    }
    expect(await bulk).toBe("closed");
  });
});
