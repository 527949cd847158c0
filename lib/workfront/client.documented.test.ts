import { describe, expect, it } from "vitest";
import { WorkfrontError } from "./errors";
import { clientFor, control, stats, testEmulatorForFile } from "./test-support";

/**
 * The documented many-user calls and the API-key actions: what goes over the wire (checked against
 * Adobe's docs and the official client, docs/workfront-fidelity.md) and what comes back.
 */
const emulator = testEmulatorForFile();

interface Sent {
  method: string;
  path: string;
  query: URLSearchParams;
  contentType: string | null;
  body: string;
}

/** A client whose every request is recorded before it goes to the emulator(). */
function recordingClient() {
  const sent: Sent[] = [];
  const client = clientFor(emulator(), {
    fetch: async (input, init) => {
      const url = new URL(String(input));
      const headers = new Headers(init?.headers);
      sent.push({
        method: init?.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        contentType: headers.get("content-type"),
        body: typeof init?.body === "string" ? init.body : "",
      });
      return fetch(input, init);
    },
  });
  return { client, sent };
}

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

async function plainUsers(count: number) {
  const client = clientFor(emulator());
  const filters = [
    { field: "isActive", value: true },
    { field: "accessLevel:isAdmin", value: false },
  ];
  return client.searchUsers({ filters, sort: [{ field: "ID", direction: "asc" }], limit: count });
}

describe("getUsers: many users by ID in one search", () => {
  it("sends one GET user/search with ID_Mod=in and answers the users found, unknown IDs absent", async () => {
    const users = await plainUsers(3);
    const unknown = "f".repeat(32);
    const { client, sent } = recordingClient();
    const found = await client.getUsers([...users.map((user) => user.id), unknown, users[0]!.id]);
    expect(found.map((user) => user.id).sort()).toEqual(users.map((user) => user.id).sort());
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("GET");
    expect(sent[0]!.path).toBe("/attask/api/v21.0/user/search");
    expect(sent[0]!.query.getAll("ID").sort()).toEqual([...users.map((user) => user.id), unknown].sort());
    expect(sent[0]!.query.get("ID_Mod")).toBe("in");
    expect(sent[0]!.query.get("$$LIMIT")).toBe("4");
  });

  it("finds deactivated users too, with their state", async () => {
    const client = clientFor(emulator());
    const [inactive] = await client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 });
    const [read] = await client.getUsers([inactive!.id]);
    expect(read).toMatchObject({ id: inactive!.id, isActive: false });
  });

  it("sends nothing for no IDs, and refuses more than 100", async () => {
    const { client, sent } = recordingClient();
    expect(await client.getUsers([])).toEqual([]);
    const many = Array.from({ length: 101 }, (_, index) => index.toString(16).padStart(32, "0"));
    expect((await rejection(client.getUsers(many))).code).toBe("validation");
    expect(sent).toEqual([]);
  });
});

describe("updateUsers: the documented bulk edit", () => {
  it("sends one PUT user with a JSON array carrying each ID, and answers each updated user", async () => {
    const users = await plainUsers(3);
    const { client, sent } = recordingClient();
    const writes = users.map((user) => ({ id: user.id, updates: { isActive: false } }));
    const answered = await client.updateUsers(writes);
    expect([...answered.values()].map((user) => [user.id, user.isActive])).toEqual(users.map((user) => [user.id, false]));
    expect(sent).toHaveLength(1);
    expect([sent[0]!.method, sent[0]!.path, sent[0]!.contentType]).toEqual(["PUT", "/attask/api/v21.0/user", "application/json"]);
    expect(JSON.parse(sent[0]!.body)).toEqual(users.map((user) => ({ ID: user.id, isActive: false })));
    expect(sent[0]!.query.get("fields")).toContain("isActive");
    const reread = await clientFor(emulator()).getUsers(users.map((user) => user.id));
    expect(reread.every((user) => !user.isActive)).toBe(true);
  });

  it("with atomic: applies everything or nothing", async () => {
    const users = await plainUsers(2);
    const client = clientFor(emulator());
    const mixed = [
      { id: users[0]!.id, updates: { isActive: false } },
      { id: emulator().adminUserID, updates: { isActive: false } },
    ];
    expect((await rejection(client.updateUsers(mixed, { atomic: true }))).code).toBe("validation");
    expect((await client.getUser(users[0]!.id)).isActive).toBe(true);

    const fine = users.map((user) => ({ id: user.id, updates: { isActive: false } }));
    expect((await client.updateUsers(fine, { atomic: true })).size).toBe(0);
    expect((await client.getUsers(users.map((user) => user.id))).map((user) => user.isActive)).toEqual([false, false]);
  });

  it("fails as a whole when one person is refused, so the caller re-reads to learn who changed", async () => {
    const users = await plainUsers(1);
    const client = clientFor(emulator());
    const error = await rejection(
      client.updateUsers([
        { id: users[0]!.id, updates: { isActive: false } },
        { id: emulator().adminUserID, updates: { isActive: false } },
      ]),
    );
    expect(error.code).toBe("validation");
  });

  it.each(["abc", "0123456789abcdef0123456789abcde?", "../../user?apiKey=x"])(
    "refuses the ID %j before any request is sent",
    async (id) => {
      const { client, sent } = recordingClient();
      expect((await rejection(client.updateUsers([{ id, updates: { isActive: false } }]))).code).toBe("validation");
      expect((await rejection(client.getUsers([id]))).code).toBe("validation");
      const valid = "0123456789abcdef0123456789abcdef";
      const badLevel = client.updateUsers([{ id: valid, updates: { isActive: true, accessLevelID: id } }]);
      expect((await rejection(badLevel)).code).toBe("validation");
      expect(sent).toEqual([]);
    },
  );
});

describe("API-key actions, sent as the official client's execute sends them", () => {
  it("POSTs user with method=PUT, the action and the login in a form body, never in the URL", async () => {
    const [user] = await plainUsers(1);
    const { client, sent } = recordingClient();
    const login = { username: user!.username!, password: "workfront-demo" };
    expect(await client.getApiKey(login)).toBeNull();
    const key = await client.generateApiKey(login);
    expect(await client.getApiKey(login)).toBe(key);
    await client.clearApiKey(login);
    expect(sent.map((request) => new URLSearchParams(request.body).get("action"))).toEqual([
      "getApiKey",
      "generateApiKey",
      "getApiKey",
      "clearApiKey",
    ]);
    for (const request of sent) {
      expect([request.method, request.path, request.contentType]).toEqual([
        "POST",
        "/attask/api/v21.0/user",
        "application/x-www-form-urlencoded",
      ]);
      const form = new URLSearchParams(request.body);
      expect([form.get("method"), form.get("username"), form.get("password")]).toEqual(["PUT", login.username, login.password]);
      expect([...request.query.keys()]).toEqual([]);
    }
  });

  it("clears the client's own key with the key itself and no password", async () => {
    const [user] = await plainUsers(1);
    const key = await clientFor(emulator()).generateApiKey({ username: user!.username!, password: "workfront-demo" });
    const sent: string[] = [];
    const asUser = clientFor(emulator(), {
      credential: { kind: "apiKey", apiKey: key },
      fetch: async (input, init) => {
        sent.push(`${init?.method} ${new URL(String(input)).pathname} ${String(init?.body)}`);
        return fetch(input, init);
      },
    });
    await asUser.clearOwnApiKey();
    expect(sent).toEqual(["POST /attask/api/v21.0/user method=PUT&action=clearApiKey"]);
    expect((await rejection(asUser.searchUsers({ limit: 1 }))).code).toBe("auth");
  });

  it("is sent once, not retried, when Workfront refuses the login", async () => {
    await control(emulator(), "POST", "stats/reset");
    const error = await rejection(clientFor(emulator()).getApiKey({ username: emulator().integrationUser.username, password: "wrong" }));
    expect([error.code, error.retryable]).toEqual(["auth", false]);
    expect((await stats(emulator())).total).toBe(1);
  });
});

describe("user metadata", () => {
  it("reads the licence labels from the tenant's USER metadata", async () => {
    const { licenseTypes } = await clientFor(emulator()).userMetadata();
    expect(licenseTypes.length).toBeGreaterThan(0);
    expect(licenseTypes.every((option) => typeof option.value === "string" && option.label.length > 0)).toBe(true);
  });
});
