import { beforeEach, describe, expect, it } from "vitest";
import { clientFor, control, stats, testEmulatorForFile } from "@/lib/workfront/test-support";
import { forgetBatchSupport } from "./batch-support";
import { WorkfrontError } from "@/lib/workfront";
import { type UserResult, type WriteSettings, classify, describeError, readUsers, writeUsers } from "./workfront-calls";

/**
 * How a chunk's people are read and written: documented calls by default (a search by IDs, one
 * bulk edit), what happens when a bulk edit fails as a whole, and `/batch` only where configured.
 */
const emulator = testEmulatorForFile();

const bulk: WriteSettings = { writeMode: "bulk", batch: "off" };

beforeEach(async () => {
  forgetBatchSupport();
});

async function activeNonAdmins(count: number): Promise<string[]> {
  const users = await clientFor(emulator()).searchUsers({
    filters: [
      { field: "isActive", value: true },
      { field: "accessLevel:isAdmin", value: false },
    ],
    sort: [{ field: "ID", direction: "asc" }],
    limit: count,
  });
  // Only what the code under test sends is counted.
  await control(emulator(), "POST", "stats/reset");
  return users.map((user) => user.id);
}

const deactivate = (ids: readonly string[]) => ids.map((id) => ({ id, updates: { isActive: false } }));

function summary(results: Map<string, UserResult>, ids: readonly string[]): string[] {
  return ids.map((id) => {
    const result = results.get(id);
    if (!result) return "missing";
    if (result.ok) return result.user.isActive ? "active" : "inactive";
    return (result.error as { code?: string }).code ?? "error";
  });
}

/** A client whose requests matching `when` get `answer` instead of reaching the emulator(). */
function clientAnswering(when: (method: string, path: string) => boolean, answer: () => Response) {
  return clientFor(emulator(), {
    maxRetries: 0,
    fetch: async (input, init) => {
      const url = new URL(String(input));
      if (when(init?.method ?? "GET", url.pathname)) return answer();
      return fetch(input, init);
    },
  });
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const errorBody = (cls: string, message: string) => ({ error: { class: cls, message } });

describe("readUsers", () => {
  it("reads 250 people in 3 searches and calls the one it cannot find not_found", async () => {
    const ids = [...(await activeNonAdmins(249)), "f".repeat(32)];
    const results = await readUsers(clientFor(emulator()), ids);
    expect(summary(results, ids).filter((state) => state === "active")).toHaveLength(249);
    expect(summary(results, ["f".repeat(32)])).toEqual(["not_found"]);
    expect(results.get("f".repeat(32))).toMatchObject({ ok: false, error: { message: "Workfront does not find this user" } });
    expect((await stats(emulator())).byRoute).toEqual({ "GET USER/search": 3 });
  });
});

describe("writeUsers with bulk edits (the default)", () => {
  it("writes 150 people in two bulk edits and answers each person's new state", async () => {
    const ids = await activeNonAdmins(150);
    const results = await writeUsers(clientFor(emulator()), deactivate(ids), bulk);
    expect(new Set(summary(results, ids))).toEqual(new Set(["inactive"]));
    const seen = await stats(emulator());
    expect(seen.byRoute).toEqual({ "PUT USER": 2 });
    expect(seen.writes).toBe(150);
  });

  it("when Workfront refuses the whole edit: re-reads, keeps who changed, and pins the refusal with one PUT each", async () => {
    const [first, last] = await activeNonAdmins(2);
    // The main admin is refused by Workfront; the non-atomic edit stops there (first applied, last not).
    const ids = [first!, emulator().adminUserID, last!];
    const results = await writeUsers(clientFor(emulator()), deactivate(ids), bulk);
    expect(summary(results, ids)).toEqual(["inactive", "validation", "inactive"]);
    expect((await stats(emulator())).byRoute).toEqual({ "PUT USER": 1, "GET USER/search": 1, "PUT USER/:id": 2 });
  });

  it("after a refused edit, someone who shows the wanted state but another access level still gets their own PUT", async () => {
    // An undo restores each person's access level with their reactivation (lib/jobs/actions.ts).
    const [person] = await activeNonAdmins(1);
    const [before] = await clientFor(emulator()).getUsers([person!]);
    const [holder] = await clientFor(emulator()).searchUsers({
      filters: [
        { field: "accessLevel:isAdmin", value: false },
        { field: "accessLevelID", op: "ne", value: before!.accessLevel!.id },
      ],
      limit: 1,
    });
    const wanted = holder!.accessLevel!.id;
    await control(emulator(), "POST", "stats/reset");
    const client = clientAnswering(
      (method, path) => method === "PUT" && path.endsWith("/user"),
      () => json(422, errorBody("com.attask.common.ValidationException", "Refused")),
    );
    const results = await writeUsers(client, [{ id: person!, updates: { isActive: true, accessLevelID: wanted } }], bulk);
    expect(results.get(person!)).toMatchObject({ ok: true, user: { isActive: true, accessLevel: { id: wanted } } });
    // The refused edit never reached the emulator: one read, then the person's own PUT.
    expect((await stats(emulator())).byRoute).toEqual({ "GET USER/search": 1, "PUT USER/:id": 1 });
  });

  it("when the edit fails in a way that may pass (503): re-reads, and leaves the rest for a later try without PUTs", async () => {
    const ids = await activeNonAdmins(3);
    const client = clientAnswering(
      (method, path) => method === "PUT" && path.endsWith("/user"),
      () => json(503, errorBody("com.attask.common.InternalException", "Service unavailable")),
    );
    const results = await writeUsers(client, deactivate(ids), bulk);
    expect(summary(results, ids)).toEqual(["unavailable", "unavailable", "unavailable"]);
    expect((await stats(emulator())).byRoute).toEqual({ "GET USER/search": 1 });
  });

  it("asks for someone the answer left out instead of guessing", async () => {
    const ids = await activeNonAdmins(3);
    let bulkAnswers = 0;
    const client = clientFor(emulator(), {
      fetch: async (input, init) => {
        const response = await fetch(input, init);
        if (init?.method !== "PUT" || !new URL(String(input)).pathname.endsWith("/user")) return response;
        bulkAnswers += 1;
        const body = (await response.json()) as { data: unknown[] };
        return json(200, { data: body.data.slice(1) });
      },
    });
    const results = await writeUsers(client, deactivate(ids), bulk);
    expect(bulkAnswers).toBe(1);
    expect(summary(results, ids)).toEqual(["inactive", "inactive", "inactive"]);
    expect((await stats(emulator())).byRoute).toEqual({ "PUT USER": 1, "GET USER/search": 1 });
  });

  it("stops at a refused credential: everyone gets auth, nothing is re-read", async () => {
    const ids = await activeNonAdmins(2);
    await control(emulator(), "POST", "api-keys/expire");
    const results = await writeUsers(clientFor(emulator()), deactivate(ids), bulk);
    expect(summary(results, ids)).toEqual(["auth", "auth"]);
    expect((await stats(emulator())).byRoute).toEqual({ "PUT USER": 1 });
  });
});

describe("writeUsers with one PUT per person (JOBS_WRITE_MODE=single)", () => {
  it("sends one PUT per person and answers each", async () => {
    const ids = [...(await activeNonAdmins(2)), emulator().adminUserID];
    const results = await writeUsers(clientFor(emulator()), deactivate(ids), { writeMode: "single", batch: "off" });
    expect(summary(results, ids)).toEqual(["inactive", "inactive", "validation"]);
    expect((await stats(emulator())).byRoute).toEqual({ "PUT USER/:id": 3 });
  });
});

describe("writeUsers through /batch (WORKFRONT_BATCH)", () => {
  const noBatch = () =>
    clientAnswering(
      (method, path) => method === "POST" && path.endsWith("/batch"),
      () => json(404, errorBody("com.attask.common.NotFoundException", "No such path")),
    );

  it("on: writes each chunk in one /batch request, answered per person (a tenant with /batch)", async () => {
    await control(emulator(), "PATCH", "config", { batch: true });
    try {
      const ids = [...(await activeNonAdmins(2)), emulator().adminUserID];
      const results = await writeUsers(clientFor(emulator()), deactivate(ids), { writeMode: "bulk", batch: "on" });
      expect(summary(results, ids)).toEqual(["inactive", "inactive", "validation"]);
      expect((await stats(emulator())).byRoute).toEqual({ "POST batch": 1 });
    } finally {
      await control(emulator(), "PATCH", "config", { batch: false });
    }
  });

  it("auto: against the strict emulator() (no /batch) falls back to one bulk edit", async () => {
    const [a] = await activeNonAdmins(1);
    const results = await writeUsers(clientFor(emulator()), deactivate([a!]), { writeMode: "bulk", batch: "auto" });
    expect(summary(results, [a!])).toEqual(["inactive"]);
    expect((await stats(emulator())).byRoute).toEqual({ "POST batch": 1, "PUT USER": 1 });
  });

  it("auto: falls back to bulk edits on a tenant without /batch, and does not ask it again", async () => {
    const client = noBatch();
    const [a, b] = await activeNonAdmins(2);
    expect(summary(await writeUsers(client, deactivate([a!]), { writeMode: "bulk", batch: "auto" }), [a!])).toEqual(["inactive"]);
    expect(summary(await writeUsers(client, deactivate([b!]), { writeMode: "bulk", batch: "auto" }), [b!])).toEqual(["inactive"]);
    expect((await stats(emulator())).byRoute).toEqual({ "PUT USER": 2 });
  });

  it("auto: a throttled /batch is not taken for a missing one", async () => {
    const client = clientAnswering(
      (method, path) => method === "POST" && path.endsWith("/batch"),
      () => json(429, errorBody("com.attask.common.TooManyRequestsException", "Slow down"), { "retry-after": "0" }),
    );
    const [a] = await activeNonAdmins(1);
    const results = await writeUsers(client, deactivate([a!]), { writeMode: "bulk", batch: "auto" });
    expect(summary(results, [a!])).toEqual(["throttled"]);
    expect((await stats(emulator())).byRoute).toEqual({});
  });

  it("on: a tenant without /batch fails the people, and off never asks for it", async () => {
    const [a] = await activeNonAdmins(1);
    expect(summary(await writeUsers(noBatch(), deactivate([a!]), { writeMode: "bulk", batch: "on" }), [a!])).toEqual(["not_found"]);
    expect(summary(await writeUsers(noBatch(), deactivate([a!]), bulk), [a!])).toEqual(["inactive"]);
    expect((await stats(emulator())).byRoute).toEqual({ "PUT USER": 1 });
  });
});

describe("what a failure means for a job's item", () => {
  it("pauses on a refused or missing credential, retries what may pass, and stops on the rest", () => {
    expect(classify(new WorkfrontError("auth", "refused"))).toBe("pause");
    expect(classify(new WorkfrontError("not_connected", "no credential"))).toBe("pause");
    expect(classify(new WorkfrontError("throttled", "slow down"))).toBe("retry");
    expect(classify(new WorkfrontError("unavailable", "down"))).toBe("retry");
    expect(classify(new WorkfrontError("not_found", "gone"))).toBe("fail");
    expect(classify(new WorkfrontError("forbidden", "no"))).toBe("fail");
    // Not Workfront's answer at all (the database, a bug): tried again, never final.
    expect(classify(new Error("connection reset"))).toBe("retry");
    expect(classify(undefined)).toBe("retry");
  });

  it("describes it with a code and a message for people, whatever was thrown", () => {
    expect(describeError(new WorkfrontError("not_found", "Workfront does not find this user"))).toEqual({ code: "not_found", message: "Workfront does not find this user" });
    expect(describeError(undefined)).toEqual({ code: "unavailable", message: "Workfront gave no answer for this person." });
    expect(describeError(new Error("connection reset"))).toEqual({ code: "internal", message: "connection reset" });
    expect(describeError("odd")).toEqual({ code: "internal", message: "odd" });
  });
});
