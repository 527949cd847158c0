import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "../index";
import { V21, call, control, ordinaryUsers, startTestEmulator } from "./http-helpers";

let emulator: RunningEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ batch: true });
});
afterAll(() => emulator.close());
beforeEach(async () => {
  await control(emulator, "POST", "reset");
  await control(emulator, "PATCH", "config", { batch: true });
});

/** POST <base>/batch with a form body of repeated uri=, the way Adobe's JS client sends it. */
function batch(uris: string[], extra: Record<string, string> = {}) {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(extra)) body.set(key, value);
  for (const uri of uris) body.append("uri", uri);
  return call(emulator, `${V21}/batch`, {
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
      [deactivate(users[0]!.ID), deactivate(emulator.adminUserID), deactivate(users[1]!.ID)],
      {
        atomic: "true",
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toContain("main administrator");
    expect(await isActive(users[0]!.ID)).toBe(true);
    expect(await isActive(users[1]!.ID)).toBe(true);
  });

  it("accepts URIs with a leading slash or the full API path, and refuses a nested batch", async () => {
    const answer = await batch(["/user/count", `${V21}/user/count`, "batch?uri=user/count"]);
    expect(answer.body.data[0]).toEqual(answer.body.data[1]);
    expect(answer.body.data[2].error.message).toContain("batch");
  });

  it("needs a credential for the whole batch", async () => {
    const answer = await call(emulator, `${V21}/batch?uri=user/count`, { method: "POST", key: null });
    expect(answer.status).toBe(401);
  });

  it("is not there without the batch option (the default): 404 as for a path that is no API object", async () => {
    await control(emulator, "PATCH", "config", { batch: false });
    const [user] = await ordinaryUsers(emulator, 1);
    const answer = await batch([deactivate(user!.ID)]);
    expect(answer.status).toBe(404);
    expect(answer.body).toEqual({
      error: {
        class: "com.attask.common.NotFoundException",
        message: `No Workfront API at ${V21}/batch`,
        title: null,
        msgKey: "exception.notfound",
        attributes: [],
        code: 0,
      },
    });
    expect(await isActive(user!.ID)).toBe(true);
    // The unversioned path too.
    expect((await call(emulator, "/attask/api/batch?uri=user/count", { method: "POST" })).status).toBe(404);
    // Counted like any request, so a client's single probe of /batch can be seen.
    const counters = await control<{ byRoute: Record<string, number> }>(emulator, "GET", "stats");
    expect(counters.byRoute["POST batch"]).toBe(2);
  });
});
