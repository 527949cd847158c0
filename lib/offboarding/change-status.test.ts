import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { listAuditEvents } from "@/lib/audit";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/session";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import type { DatabaseHandle } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { WorkfrontError } from "@/lib/workfront";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { type StatusChangeInput, changeUserStatus } from "./change-status";
import type { OffboardingDeps } from "./deps";

/** The single-user path end to end: emulator over HTTP, a real (embedded) database. */
let emulator: RunningEmulator;
let database: DatabaseHandle;
let deps: OffboardingDeps;

let operator: SessionUser;
let admin: SessionUser;

beforeAll(async () => {
  emulator = await startTestEmulator();
  database = await createMigratedTestDatabase();
  const account = (role: "operator" | "admin") =>
    createAccount(database.db, { email: `${role}@example.com`, role, password: "a long enough password" });
  operator = await account("operator");
  admin = await account("admin");
  deps = { db: database.db, client: clientFor(emulator), protectedUsers: ["protected.person@acme.example"] };
});
afterAll(async () => {
  await database?.close();
  await emulator?.close();
});
beforeEach(async () => {
  await control(emulator, "POST", "reset");
});

const input = (targetId: string, overrides: Partial<StatusChangeInput> = {}): StatusChangeInput => ({
  action: "deactivate",
  targetId,
  reason: "Left the company",
  ticket: "HR-7",
  actor: operator,
  requestId: "req-test",
  clientIp: "127.0.0.1",
  ...overrides,
});

async function someUser(filters: { isActive: boolean; isAdmin: boolean }) {
  const [user] = await deps.client.searchUsers({
    filters: [
      { field: "isActive", value: filters.isActive },
      { field: "accessLevel:isAdmin", value: filters.isAdmin },
      { field: "ID", op: "notin", values: [emulator.adminUserID, emulator.integrationUser.ID] },
    ],
    limit: 1,
  });
  return user!;
}

async function auditOf(targetId: string) {
  return (await listAuditEvents(deps.db, { target: targetId })).rows;
}

describe("changeUserStatus", () => {
  it("deactivates, audits before and after, and reactivation restores the access level", async () => {
    const user = await someUser({ isActive: true, isAdmin: false });
    const off = await changeUserStatus(deps, input(user.id));
    expect(off).toMatchObject({ isActive: false, deactivation: { by: operator.email, reason: "Left the company", ticket: "HR-7", outsideDashboard: false } });
    const [row] = await auditOf(user.id);
    expect(row).toMatchObject({ outcome: "succeeded", isActiveBefore: true, isActiveAfter: false });
    expect(row!.snapshot).toMatchObject({ accessLevelId: user.accessLevel!.id, licenseType: user.licenseType });

    // Someone strips the access level while the user is away; reactivation puts it back.
    const [other] = await deps.client.searchUsers({
      filters: [
        { field: "accessLevelID", op: "ne", value: user.accessLevel!.id },
        { field: "accessLevel:isAdmin", value: false },
      ],
      limit: 1,
    });
    await deps.client.updateUser(user.id, { accessLevelID: other!.accessLevel!.id });
    expect((await deps.client.getUser(user.id)).accessLevel?.id).not.toBe(user.accessLevel!.id);
    const on = await changeUserStatus(deps, input(user.id, { action: "reactivate", reason: "Came back" }));
    expect(on.isActive).toBe(true);
    expect((await deps.client.getUser(user.id)).accessLevel?.id).toBe(user.accessLevel!.id);
    // The reactivation's row says what it gave back: the saved access level, the licence and group.
    const [reactivation] = (await auditOf(user.id)).filter((event) => event.action === "reactivate");
    expect(reactivation!.snapshot).toMatchObject({
      accessLevelId: user.accessLevel!.id,
      accessLevelName: user.accessLevel!.name,
      licenseType: user.licenseType,
      homeGroupId: user.homeGroup?.id ?? null,
    });
  });

  it("records a user already in the wanted state as 'already', without a write", async () => {
    const user = await someUser({ isActive: false, isAdmin: false });
    await control(emulator, "POST", "stats/reset");
    const result = await changeUserStatus(deps, input(user.id));
    expect(result.isActive).toBe(false);
    expect(result.deactivation?.outsideDashboard).toBe(true);
    // Someone already deactivated is not checked for open work: nothing changes for them.
    expect((await auditOf(user.id))[0]).toMatchObject({ outcome: "already", isActiveAfter: false, openWork: null });
    expect((await control<{ writes: number }>(emulator, "GET", "stats")).writes).toBe(0);
  });

  it("records reactivating someone already active as 'already', with no open-work check", async () => {
    const user = await someUser({ isActive: true, isAdmin: false });
    const result = await changeUserStatus(deps, input(user.id, { action: "reactivate", reason: "Came back" }));
    expect(result.isActive).toBe(true);
    expect((await auditOf(user.id))[0]).toMatchObject({ action: "reactivate", outcome: "already", isActiveAfter: true, openWork: null });
  });

  it("reactivates without the deactivation's checks, and keeps the access of someone deactivated outside the dashboard", async () => {
    // Deactivated in Workfront, never here: no saved access level to put back. On PROTECTED_USERS
    // too, which guards against deactivation only.
    const user = await someUser({ isActive: false, isAdmin: false });
    const protectedDeps = { ...deps, protectedUsers: [user.email!.toLowerCase()] };
    const on = await changeUserStatus(protectedDeps, input(user.id, { action: "reactivate", reason: "Came back" }));
    expect(on.isActive).toBe(true);
    expect((await deps.client.getUser(user.id)).accessLevel?.id).toBe(user.accessLevel!.id);
    expect((await auditOf(user.id))[0]).toMatchObject({
      action: "reactivate",
      outcome: "succeeded",
      overriddenProtection: null,
      openWork: null,
      snapshot: { accessLevelId: user.accessLevel!.id, licenseType: user.licenseType },
    });
  });

  it.each([
    ["the main admin", () => emulator.adminUserID, "main_admin"],
    ["the integration user", () => emulator.integrationUser.ID, "integration_user"],
  ])("refuses %s and audits the refusal", async (_label, id, code) => {
    const error = await changeUserStatus(deps, input(id())).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(ApiError);
    expect([(error as ApiError).status, (error as ApiError).code]).toEqual([409, "protected_account"]);
    expect((await deps.client.getUser(id())).isActive).toBe(true);
    const [row] = await auditOf(id());
    expect(row).toMatchObject({ outcome: "refused", refusedCode: code });
    expect(row!.refusedReason).toContain(code === "main_admin" ? "main administrator" : "credential");
  });

  it("refuses a configured protected account", async () => {
    const user = await someUser({ isActive: true, isAdmin: false });
    const protectedDeps = { ...deps, protectedUsers: [user.email!.toLowerCase()] };
    const error = await changeUserStatus(protectedDeps, input(user.id)).catch((reason: unknown) => reason);
    expect((error as ApiError).code).toBe("protected_account");
    expect((await deps.client.getUser(user.id)).isActive).toBe(true);
  });

  it("lets an admin override a configured protection on purpose, and records which", async () => {
    const user = await someUser({ isActive: true, isAdmin: false });
    const protectedDeps = { ...deps, protectedUsers: [user.email!.toLowerCase()] };
    // Asking is not enough for an operator (the route answers 403 before this; the rule holds here too).
    const refused = await changeUserStatus(protectedDeps, input(user.id, { overrideProtection: true })).catch((reason: unknown) => reason);
    expect((refused as ApiError).code).toBe("protected_account");
    // Nor does an admin override without asking.
    const unasked = await changeUserStatus(protectedDeps, input(user.id, { actor: admin })).catch((reason: unknown) => reason);
    expect((unasked as ApiError).code).toBe("protected_account");
    expect((await deps.client.getUser(user.id)).isActive).toBe(true);

    const done = await changeUserStatus(protectedDeps, input(user.id, { actor: admin, overrideProtection: true }));
    expect(done.isActive).toBe(false);
    // Newest first; earlier tests may have left rows for the same user (the database is shared).
    const [row, ...refusals] = (await auditOf(user.id)).slice(0, 3);
    expect(row).toMatchObject({ outcome: "succeeded", actorEmail: admin.email, overriddenProtection: "configured" });
    expect(refusals.map((refusal) => [refusal.outcome, refusal.overriddenProtection])).toEqual([
      ["refused", null],
      ["refused", null],
    ]);
  });

  it.each([
    ["the main admin", () => emulator.adminUserID],
    ["the integration user", () => emulator.integrationUser.ID],
  ])("never lets even an admin override the protection of %s", async (_label, id) => {
    const error = await changeUserStatus(deps, input(id(), { actor: admin, overrideProtection: true })).catch((reason: unknown) => reason);
    expect((error as ApiError).code).toBe("protected_account");
    expect((await deps.client.getUser(id())).isActive).toBe(true);
  });

  it("records no override where nothing was protected", async () => {
    const user = await someUser({ isActive: true, isAdmin: false });
    await changeUserStatus(deps, input(user.id, { actor: admin, overrideProtection: true }));
    expect((await auditOf(user.id))[0]).toMatchObject({ outcome: "succeeded", overriddenProtection: null });
  });

  it("lets only the admin role deactivate a System Administrator", async () => {
    const sysadmin = await someUser({ isActive: true, isAdmin: true });
    const error = await changeUserStatus(deps, input(sysadmin.id)).catch((reason: unknown) => reason);
    expect([(error as ApiError).status, (error as ApiError).code]).toEqual([403, "admin_target"]);
    expect((await deps.client.getUser(sysadmin.id)).isActive).toBe(true);
    const done = await changeUserStatus(deps, input(sysadmin.id, { actor: admin }));
    expect(done.isActive).toBe(false);
  });

  describe("when the write fails after the pending row", () => {
    type Mode = "refuse" | "lose-answer" | "fail-before" | "claim-applied";
    /** Deps whose client's user PUTs go wrong in the given way; everything else reaches the emulator. */
    function failingWrites(mode: Mode, readsFailAfterPut = false): OffboardingDeps {
      let putSeen = false;
      const client = clientFor(emulator, {
        maxRetries: 0,
        fetch: async (input, init) => {
          const isPut = init?.method === "PUT";
          if (!isPut && putSeen && readsFailAfterPut) throw new TypeError("fetch failed");
          if (!isPut) return fetch(input, init);
          putSeen = true;
          const reply = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
          if (mode === "refuse") return reply(403, { error: { class: "com.attask.common.SecurityException", message: "Not allowed" } });
          if (mode === "fail-before") return reply(503, { error: { class: "com.attask.common.InternalException", message: "Down" } });
          const applied = await fetch(input, init);
          if (mode === "lose-answer") throw new TypeError("fetch failed", { cause: { code: "ECONNRESET" } });
          const body = (await applied.json()) as { data: Record<string, unknown> };
          return reply(200, { data: { ...body.data, isActive: true } });
        },
      });
      return { ...deps, client };
    }

    async function attempt(mode: Mode, readsFailAfterPut = false) {
      const user = await someUser({ isActive: true, isAdmin: false });
      const requestId = `req-${mode}-${readsFailAfterPut}`;
      const outcome = await changeUserStatus(failingWrites(mode, readsFailAfterPut), input(user.id, { requestId })).then(
        (dto) => ({ dto, error: undefined }),
        (error: unknown) => ({ dto: undefined, error }),
      );
      const rows = (await auditOf(user.id)).filter((row) => row.requestId === requestId);
      expect(rows).toHaveLength(1);
      return { ...outcome, row: rows[0]!, isActiveNow: (await deps.client.getUser(user.id)).isActive };
    }

    it("a refusal (403) completes the row as failed with its code, and nothing changed", async () => {
      const { error, row, isActiveNow } = await attempt("refuse");
      expect((error as WorkfrontError).code).toBe("forbidden");
      expect(row).toMatchObject({ outcome: "failed", errorCode: "forbidden", isActiveBefore: true });
      expect(isActiveNow).toBe(true);
    });

    it("a 503 before Workfront applied it: read again, still active, so the row is failed", async () => {
      const { error, row, isActiveNow } = await attempt("fail-before");
      expect((error as WorkfrontError).code).toBe("unavailable");
      expect(row).toMatchObject({ outcome: "failed", errorCode: "unavailable" });
      expect(isActiveNow).toBe(true);
    });

    it("an answer lost after the write landed: read again, and recorded as succeeded", async () => {
      const { dto, error, row, isActiveNow } = await attempt("lose-answer");
      expect(error).toBeUndefined();
      expect(dto?.isActive).toBe(false);
      expect(row).toMatchObject({ outcome: "succeeded", isActiveBefore: true, isActiveAfter: false });
      expect(isActiveNow).toBe(false);
    });

    it("an answer lost and Workfront unreadable: the row stays pending for the reconciler", async () => {
      const { error, row, isActiveNow } = await attempt("lose-answer", true);
      expect((error as WorkfrontError).code).toBe("unavailable");
      expect(row).toMatchObject({ outcome: "pending", isActiveBefore: true });
      expect(isActiveNow).toBe(false);
    });

    it("Workfront accepts the write but still reports active: failed not_applied, answered 502", async () => {
      const { error, row } = await attempt("claim-applied");
      expect(error).toBeInstanceOf(ApiError);
      expect([(error as ApiError).status, (error as ApiError).code]).toEqual([502, "workfront_not_applied"]);
      expect(row).toMatchObject({
        outcome: "failed",
        errorCode: "not_applied",
        errorMessage: "Workfront accepted the change but still reports isActive: true.",
        isActiveAfter: true,
      });
      expect((error as ApiError).message).toBe(row.errorMessage);
    });
  });
});
