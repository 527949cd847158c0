import { describe, expect, it, onTestFinished } from "vitest";
import { WorkfrontError } from "./errors";
import { clientFor, control, stats, testEmulatorForFile } from "./test-support";

/** The client against the emulator over real HTTP: every operation, error and option. */
const emulator = testEmulatorForFile();

async function rejection(promise: Promise<unknown>): Promise<WorkfrontError> {
  const error = await promise.then(
    () => {
      throw new Error("expected the call to fail");
    },
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WorkfrontError);
  return error as WorkfrontError;
}

describe("reads", () => {
  it("searches with filters, a stable sort and paging", async () => {
    const client = clientFor(emulator());
    const sort = [
      { field: "name", direction: "ciasc" },
      { field: "ID", direction: "asc" },
    ] as const;
    const filters = [{ field: "isActive", value: true }];
    const first = await client.searchUsers({ filters, sort, first: 0, limit: 40 });
    const second = await client.searchUsers({ filters, sort, first: 40, limit: 40 });
    expect(first).toHaveLength(40);
    expect(first.every((user) => user.isActive)).toBe(true);
    const names = [...first, ...second].map((user) => user.name.toLowerCase());
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const ids = new Set([...first, ...second].map((user) => user.id));
    expect(ids.size).toBe(80);
  });

  it("answers 100 users when no limit is given, and count agrees with a full search", async () => {
    const client = clientFor(emulator());
    expect(await client.searchUsers()).toHaveLength(100);
    const filters = [{ field: "isActive", value: false }];
    const inactive = await client.searchUsers({ filters, limit: 2000 });
    expect(inactive.length).toBeGreaterThan(0);
    expect(await client.countUsers({ filters })).toBe(inactive.length);
  });

  it("combines a base filter with OR groups as base AND (a OR b)", async () => {
    const client = clientFor(emulator());
    const [someone] = await client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 });
    const lastName = someone!.lastName!;
    const anyOf = [[{ field: "name", op: "cicontains", value: lastName }], [{ field: "emailAddr", op: "cicontains", value: lastName }]] as const;
    const active = await client.searchUsers({ filters: [{ field: "isActive", value: true }], anyOf, limit: 2000 });
    expect(active.every((user) => user.isActive)).toBe(true);
    const all = await client.searchUsers({ anyOf, limit: 2000 });
    expect(all.some((user) => user.id === someone!.id)).toBe(true);
    expect(all.length).toBeLessThan(300);
  });

  it("finds a user by username (sent as filters= JSON)", async () => {
    const client = clientFor(emulator());
    const users = await client.searchUsers({ filters: [{ field: "username", value: emulator().integrationUser.username }] });
    expect(users.map((user) => user.id)).toEqual([emulator().integrationUser.ID]);
  });

  it("reads one user with its references and ISO dates", async () => {
    const client = clientFor(emulator());
    const [listed] = await client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 });
    const user = await client.getUser(listed!.id);
    expect(user).toEqual(listed);
    expect(user.deactivatedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(user.accessLevel?.name).toEqual(expect.any(String));
    expect(user.homeGroup?.name).toEqual(expect.any(String));
  });

  it("knows whose credential it is and who the main admin is", async () => {
    const client = clientFor(emulator());
    expect((await client.getCurrentUser()).id).toBe(emulator().integrationUser.ID);
    expect((await client.getCustomer()).adminUserId).toBe(emulator().adminUserID);
  });

  it("reads licence types from the metadata", async () => {
    const { licenseTypes } = await clientFor(emulator()).userMetadata();
    expect(licenseTypes.length).toBeGreaterThan(0);
    expect(licenseTypes[0]).toEqual({ value: expect.any(String), label: expect.any(String) });
  });

  it("speaks another version on Adobe's schedule as well as the default; v15.0 of Adobe's how-to is gone", async () => {
    const users = await clientFor(emulator(), { version: "16.0" }).searchUsers({ limit: 5 });
    expect(users).toHaveLength(5);
    // Deprecated December 18, 2025 (api-version-support-schedule.md): a tenant answers 404.
    const error = await rejection(clientFor(emulator(), { version: "15.0" }).searchUsers({ limit: 5 }));
    expect(error.code).toBe("not_found");
  });

  it("can send the API key as a query parameter", async () => {
    const client = clientFor(emulator(), { credential: { kind: "apiKey", apiKey: emulator().apiKey, placement: "query" } });
    expect(await client.searchUsers({ limit: 3 })).toHaveLength(3);
  });

  it("can authenticate with a session ID", async () => {
    const { sessionID } = await control<{ sessionID: string }>(emulator(), "POST", "sessions", {
      username: emulator().integrationUser.username,
    });
    const client = clientFor(emulator(), { credential: { kind: "session", sessionID } });
    expect(await client.searchUsers({ limit: 2 })).toHaveLength(2);
  });

  it("reports an unknown field as a validation error naming it", async () => {
    const error = await rejection(clientFor(emulator()).searchUsers({ filters: [{ field: "pageSize", value: 1 }] }));
    expect([error.code, error.retryable]).toEqual(["validation", false]);
    expect(error.message).toContain("pageSize");
  });

  it("reports an unknown ID as not_found", async () => {
    const error = await rejection(clientFor(emulator()).getUser("0".repeat(32)));
    expect(error.code).toBe("not_found");
  });
});

describe("writes", () => {
  it("deactivates and reactivates, restoring the access level", async () => {
    const client = clientFor(emulator());
    const [user] = await client.searchUsers({ filters: [{ field: "isActive", value: true }, { field: "accessLevel:isAdmin", value: false }], limit: 1 });
    const off = await client.updateUser(user!.id, { isActive: false });
    expect(off.isActive).toBe(false);
    expect(off.deactivatedAt).not.toBeNull();
    expect(Date.parse(off.updatedAt!)).toBeGreaterThanOrEqual(Date.parse(user!.updatedAt!));
    const on = await client.updateUser(user!.id, { isActive: true, accessLevelID: user!.accessLevel!.id });
    expect(on.isActive).toBe(true);
    // What reactivation does to actualDeactivationDate is undocumented; the strict emulator() keeps it.
    expect(on.deactivatedAt).toBe(off.deactivatedAt);
    expect(on.accessLevel?.id).toBe(user!.accessLevel!.id);
  });

  // Self-deactivation is undocumented, so the strict emulator() allows it: the dashboard refuses it
  // itself (lib/offboarding/change-status.test.ts, "the integration user").
  it("is refused for the main admin", async () => {
    const client = clientFor(emulator());
    const admin = await rejection(client.updateUser(emulator().adminUserID, { isActive: false }));
    expect(admin.code).toBe("validation");
    expect((await client.getUser(emulator().adminUserID)).isActive).toBe(true);
  });

  it("is forbidden with the key of a user who is not an administrator", async () => {
    const client = clientFor(emulator());
    const [plain] = await client.searchUsers({ filters: [{ field: "isActive", value: true }, { field: "accessLevel:isAdmin", value: false }], limit: 2 });
    const key = await client.generateApiKey({ username: plain!.username!, password: "workfront-demo" });
    const asPlain = clientFor(emulator(), { credential: { kind: "apiKey", apiKey: key } });
    const [other] = await client.searchUsers({ filters: [{ field: "isActive", value: true }, { field: "ID", op: "ne", value: plain!.id }, { field: "accessLevel:isAdmin", value: false }], limit: 1 });
    const error = await rejection(asPlain.updateUser(other!.id, { isActive: false }));
    expect(error.code).toBe("forbidden");
  });

  it("runs a batch with a result per operation, in order (on a tenant that has /batch)", async () => {
    await control(emulator(), "PATCH", "config", { batch: true });
    onTestFinished(() => control(emulator(), "PATCH", "config", { batch: false }));
    const client = clientFor(emulator());
    const users = await client.searchUsers({ filters: [{ field: "isActive", value: true }, { field: "accessLevel:isAdmin", value: false }], limit: 2 });
    const results = await client.batch([
      { kind: "updateUser", id: users[0]!.id, updates: { isActive: false } },
      { kind: "updateUser", id: emulator().adminUserID, updates: { isActive: false } },
      { kind: "getUser", id: "f".repeat(32) },
      { kind: "getUser", id: users[1]!.id },
    ]);
    expect(results.map((result) => (result.ok ? "ok" : result.error.code))).toEqual(["ok", "validation", "not_found", "ok"]);
    expect(results[0]!.ok && results[0]!.user.isActive).toBe(false);
    expect((await client.getUser(users[0]!.id)).isActive).toBe(false);
  });
});

describe("API keys", () => {
  it("generates, gets and clears a key with a username and password, as Adobe documents", async () => {
    const client = clientFor(emulator());
    const [user] = await client.searchUsers({ filters: [{ field: "isActive", value: true }], limit: 1 });
    const login = { username: user!.username!, password: "workfront-demo" };
    expect(await client.getApiKey(login)).toBeNull();
    const key = await client.generateApiKey(login);
    expect(await client.getApiKey(login)).toBe(key);
    const asUser = clientFor(emulator(), { credential: { kind: "apiKey", apiKey: key } });
    expect(await asUser.searchUsers({ limit: 1 })).toHaveLength(1);
    await client.clearApiKey(login);
    expect((await rejection(asUser.searchUsers({ limit: 1 }))).code).toBe("auth");
  });

  it("reports an expired key as auth once, without retrying (redaction of an echoed key: transport.test.ts)", async () => {
    const client = clientFor(emulator(), { credential: { kind: "apiKey", apiKey: emulator().apiKey, placement: "query" } });
    await control(emulator(), "POST", "api-keys/expire");
    await control(emulator(), "POST", "stats/reset");
    const error = await rejection(client.searchUsers());
    expect([error.code, error.retryable]).toEqual(["auth", false]);
    expect((await stats(emulator())).total).toBe(1);
    expect(`${error.message} ${error.stack}`).not.toContain(emulator().apiKey);
    await control(emulator(), "POST", "api-keys/restore");
    expect(await client.searchUsers({ limit: 1 })).toHaveLength(1);
  });
});

describe("input that never leaves the process", () => {
  const hostile = [
    "ABCDEF0123456789ABCDEF0123456789",
    "abc",
    "0123456789abcdef0123456789abcdef0",
    "0123456789abcdef0123456789abcde?",
    "0123456789abcdef0123456789abcd&x",
    "0123456789abcdef0123456789abc/..",
    "0123456789abcdef0123456789abc%26",
    "0123456789abcdef0123456789abcde#",
    "../../user?apiKey=x",
    "",
  ];

  it.each(hostile)("refuses the ID %j before any request is sent", async (id) => {
    const sent: string[] = [];
    const client = clientFor(emulator(), {
      fetch: async (input, init) => {
        sent.push(String(input));
        return fetch(input, init);
      },
    });
    for (const call of [
      () => client.getUser(id),
      () => client.updateUser(id, { isActive: false }),
      () => client.batch([{ kind: "updateUser", id, updates: { isActive: false } }]),
      () => client.updateUser("0123456789abcdef0123456789abcdef", { isActive: true, accessLevelID: id }),
    ]) {
      expect((await rejection(call())).code).toBe("validation");
    }
    expect(sent).toEqual([]);
  });
});
