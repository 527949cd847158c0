import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, expect, it, vi } from "vitest";
import type { AdminActor } from "@/lib/admin/admin-log";
import { createApiToken } from "@/lib/api-tokens/store";
import { listAuditEvents } from "@/lib/audit";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/session";
import { withTestDatabase } from "@/lib/db/test-databases";
import { logger } from "@/lib/logger";
import { type WorkfrontClient, WorkfrontError } from "@/lib/workfront";
import { clientFor, testEmulatorForFile } from "@/lib/workfront/test-support";
import { type StatusChangeInput, changeUserStatus } from "./change-status";
import type { OffboardingDeps } from "./deps";

/** What the audit log says about a deactivation: who asked (token, schedule) and how a failed write ended. */
const noting = vi.hoisted(() => ({ failure: null as Error | null }));
vi.mock("@/lib/user-index", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/user-index")>();
  return {
    ...actual,
    noteUsers: async (...args: Parameters<typeof actual.noteUsers>) => {
      if (noting.failure) throw noting.failure;
      return actual.noteUsers(...args);
    },
  };
});

const emulator = testEmulatorForFile({ users: 40 });

/** The client, but its writes land in Workfront and then answer `failure`, as a lost answer would. */
function writesThenFails(client: WorkfrontClient, failure: Error): WorkfrontClient {
  return new Proxy(client, {
    get(target, property) {
      if (property === "updateUser") {
        return async (...args: Parameters<WorkfrontClient["updateUser"]>) => {
          await target.updateUser(...args);
          throw failure;
        };
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

withTestDatabase("changeUserStatus outcomes", ({ db }) => {
  let actor: SessionUser;
  beforeAll(async () => {
    const account = await createAccount(db(), { email: "outcomes.admin@example.com", role: "admin", password: "a long enough password" });
    actor = { id: account.id, email: account.email, name: null, role: "admin", locale: null };
  });
  afterEach(() => {
    noting.failure = null;
    vi.restoreAllMocks();
  });

  const deps = (client: WorkfrontClient = clientFor(emulator())): OffboardingDeps => ({
    db: db(),
    client,
    protectedUsers: [],
    personLock: { leaseMs: 60_000, waitMs: 5_000, pollMs: 5 },
  });
  const input = (targetId: string, overrides: Partial<StatusChangeInput> = {}): StatusChangeInput => ({
    action: "deactivate",
    targetId,
    reason: "Left",
    ticket: null,
    actor,
    requestId: "req-outcomes",
    clientIp: null,
    ...overrides,
  });
  const someActiveUser = async () => {
    const [user] = await clientFor(emulator()).searchUsers({
      filters: [
        { field: "isActive", value: true },
        { field: "accessLevel:isAdmin", value: false },
        { field: "ID", op: "notin", values: [emulator().adminUserID, emulator().integrationUser.ID] },
      ],
      limit: 1,
    });
    return user!;
  };
  /** The row of this test's request (the emulator is reset between tests, the log is not). */
  const rowOf = async (targetId: string, requestId: string) =>
    (await listAuditEvents(db(), { target: targetId })).rows.filter((row) => row.requestId === requestId);

  it("records the API token and the schedule a deactivation ran for", async () => {
    const user = await someActiveUser();
    const admin: AdminActor = { user: { id: actor.id, email: actor.email, role: "admin" }, requestId: "req-token", clientIp: null };
    const token = await createApiToken(db(), admin, { name: "HR feed", role: "operator", expiresInDays: 30 });
    const scheduleId = randomUUID();
    await changeUserStatus(deps(), input(user.id, { actor: { ...actor, token: { id: token.id, name: "HR feed" } }, scheduleId, requestId: "req-scheduled" }));
    const rows = await rowOf(user.id, "req-scheduled");
    expect(rows.map((row) => [row.outcome, row.actorTokenId, row.scheduleId])).toEqual([["succeeded", token.id, scheduleId]]);
  });

  it("a write that failed with an error not from Workfront is recorded failed (internal), even if it landed", async () => {
    const user = await someActiveUser();
    const client = writesThenFails(clientFor(emulator()), new Error("socket closed"));
    await expect(changeUserStatus(deps(client), input(user.id, { requestId: "req-internal" }))).rejects.toThrow("socket closed");
    const rows = await rowOf(user.id, "req-internal");
    expect(rows.map((row) => [row.outcome, row.errorCode, row.errorMessage])).toEqual([["failed", "internal", "socket closed"]]);
  });

  it("a write Workfront refused is recorded failed without reading the person again", async () => {
    const user = await someActiveUser();
    const client = writesThenFails(clientFor(emulator()), new WorkfrontError("validation", "refused"));
    await expect(changeUserStatus(deps(client), input(user.id, { requestId: "req-refused" }))).rejects.toThrow("refused");
    const rows = await rowOf(user.id, "req-refused");
    expect(rows.map((row) => [row.outcome, row.errorCode])).toEqual([["failed", "validation"]]);
  });

  it("a deactivation whose index note fails still answers, and the failure is logged", async () => {
    const user = await someActiveUser();
    const failure = new Error("index down");
    noting.failure = failure;
    const warn = vi.spyOn(logger, "warn");
    const result = await changeUserStatus(deps(), input(user.id));
    expect(result.isActive).toBe(false);
    expect(warn).toHaveBeenCalledWith({ err: failure }, "noting a user in the index failed");
  });
});
