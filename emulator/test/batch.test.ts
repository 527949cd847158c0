import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V15, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "POST", "reset");
  await control(emulator, "PATCH", "config", { batchUriCostMs: 0 });
});

/** POST <base>/batch with a form body of repeated uri=, the way Adobe's JS client sends it. */
function batch(uris: string[], extra: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) body.set(key, value);
  for (const uri of uris) body.append("uri", uri);
  return call(emulator, `${V15}/batch`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: body.toString(),
  });
}

const deactivate = (id: string) =>
  `user/${id}?method=PUT&updates=${encodeURIComponent('{"isActive":false}')}&fields=isActive`;
const isActive = async (id: string) =>
  (await control<{ isActive: boolean }>(emulator, "GET", `users/${id}`)).isActive;

describe("/batch", () => {
  it("answers one result per URI, in order, errors included", async () => {
    const [a, b] = await ordinaryUsers(emulator, 2);
    const answer = await batch(
      [
        deactivate(a!.ID),
        deactivate(emulator.adminUserID),
        `user/${"f".repeat(32)}?method=GET`,
        `user/${b!.ID}?fields=isActive`,
        "user/count?isActive=false",
      ],
      { atomic: "false", concurrent: "true" },
    );
    expect(answer.status).toBe(200);
    const [first, second, third, fourth, fifth] = answer.body.data;
    expect(first).toEqual({ data: { ID: a!.ID, name: a!.name, objCode: "USER", isActive: false } });
    expect(second.error).toMatchObject({ class: "com.attask.common.ValidationException" });
    expect(third.error).toMatchObject({ class: "com.attask.common.NotFoundException" });
    expect(fourth).toEqual({ data: { ID: b!.ID, name: b!.name, objCode: "USER", isActive: true } });
    expect(fifth.data.count).toBeGreaterThan(0);
    expect(await isActive(a!.ID)).toBe(false);
    const counters = await control<{
      byRoute: Record<string, number>;
      batchedByRoute: Record<string, number>;
    }>(emulator, "GET", "stats");
    expect(counters.byRoute["POST batch"]).toBe(1);
    expect(counters.batchedByRoute["PUT USER/:id"]).toBe(2);
  });

  it("with atomic=true answers success and applies everything", async () => {
    const users = await ordinaryUsers(emulator, 3);
    const answer = await batch(
      users.map((u) => deactivate(u.ID)),
      { atomic: "true" },
    );
    expect(answer.body).toEqual({ data: { success: true } });
    for (const user of users) expect(await isActive(user.ID)).toBe(false);
  });

  it("with atomic=true answers the first error and applies nothing", async () => {
    const users = await ordinaryUsers(emulator, 2);
    const answer = await batch(
      [deactivate(users[0]!.ID), deactivate(emulator.integrationUser.ID), deactivate(users[1]!.ID)],
      {
        atomic: "true",
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("credential");
    expect(await isActive(users[0]!.ID)).toBe(true);
    expect(await isActive(users[1]!.ID)).toBe(true);
  });

  it("accepts URIs with a leading slash or the full API path, and refuses a nested batch", async () => {
    const answer = await batch(["/user/count", `${V15}/user/count`, "batch?uri=user/count"]);
    expect(answer.body.data[0]).toEqual(answer.body.data[1]);
    expect(answer.body.data[2].error.message).toContain("batch");
  });

  it("needs a credential for the whole batch", async () => {
    const answer = await call(emulator, `${V15}/batch?uri=user/count`, { method: "POST", key: null });
    expect(answer.status).toBe(401);
  });

  it("adds batchUriCostMs per URI to the latency", async () => {
    await control(emulator, "PATCH", "config", { batchUriCostMs: 40 });
    const started = Date.now();
    await batch(["user/count", "user/count", "user/count", "user/count", "user/count"]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
  });
});
