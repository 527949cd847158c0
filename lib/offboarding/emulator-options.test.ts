import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type EmulatorOptions, type RunningEmulator } from "@/emulator";
import { createAccount } from "@/lib/auth/accounts";
import type { SessionUser } from "@/lib/auth/session";
import { connectWorkfront } from "@/lib/connection/connect";
import { admin as connectionAdmin, registerOAuthApp, testResolver } from "@/lib/connection/test-support";
import { type DatabaseHandle } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import { ApiError } from "@/lib/http/errors";
import { insertJob } from "@/lib/jobs/create-job";
import { jobStatus, waitFor } from "@/lib/jobs/test-support";
import { startWorker } from "@/lib/jobs/worker";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { changeUserStatus } from "./change-status";
import type { OffboardingDeps } from "./deps";
import { listUsers, userListQuerySchema } from "./list-users";
import { tenantFacts } from "./tenant-facts";
import { and, eq } from "drizzle-orm";
import { auditEvents } from "@/lib/db";
import { createReassignment, getReassignment, listItems, resolveSuccessors, runReassignment } from "@/lib/reassign";
import { checkPerson } from "./impact/check-person";

/**
 * The fidelity rule's other half: every behaviour the emulator leaves off by default (because
 * Adobe does not document it) is an option, and the app must work with it off (the real tenant
 * we can count on) and on (a tenant that does it). One test per option, each run both ways.
 */
let database: DatabaseHandle;
let actor: SessionUser;

beforeAll(async () => {
  database = await createMigratedTestDatabase();
  const account = await createAccount(database.db, { email: "options@example.com", role: "admin", password: "a long enough password" });
  actor = { id: account.id, email: account.email, name: null, role: "admin", locale: null };
});
afterAll(async () => database?.close());

/** Runs `body` against an emulator started with `options`, closing it afterwards. */
async function withEmulator<T>(options: EmulatorOptions, body: (emulator: RunningEmulator, deps: OffboardingDeps) => Promise<T>) {
  const emulator = await startTestEmulator({ users: 120, ...options });
  try {
    return await body(emulator, { db: database.db, client: clientFor(emulator), protectedUsers: [] });
  } finally {
    await emulator.close();
  }
}

async function ordinaryUsers(deps: OffboardingDeps, emulator: RunningEmulator, count: number) {
  return deps.client.searchUsers({
    filters: [
      { field: "isActive", value: true },
      { field: "accessLevel:isAdmin", value: false },
      { field: "ID", op: "notin", values: [emulator.adminUserID, emulator.integrationUser.ID] },
    ],
    sort: [{ field: "ID", direction: "asc" }],
    limit: count,
  });
}

const change = (deps: OffboardingDeps, targetId: string, action: "deactivate" | "reactivate" = "deactivate") =>
  changeUserStatus(deps, { action, targetId, reason: "Left", ticket: null, actor, requestId: `req-${targetId}-${action}`, clientIp: null });

describe.each([false, true])("with each off-by-default emulator option %s", (on) => {
  it("batch: a job deactivates everyone with WORKFRONT_BATCH=auto", async () => {
    await withEmulator({ batch: on }, async (emulator, deps) => {
      const targets = await ordinaryUsers(deps, emulator, 30);
      const jobId = await insertJob(database.db, {
        kind: "deactivate",
        targets: targets.map((user) => ({ id: user.id })),
        reason: "Team closed",
        ticket: null,
        actor: { accountId: actor.id, email: actor.email, role: "admin", requestId: "req-job", clientIp: null },
      });
      const worker = startWorker({ deps, batch: "auto", chunkSize: 10, pollMs: 20 });
      try {
        await waitFor("the job to end", async () => (await jobStatus(database.db, jobId)) === "completed");
      } finally {
        await worker.stop();
      }
      const now = await deps.client.getUsers(targets.map((user) => user.id));
      expect(now.every((user) => !user.isActive)).toBe(true);
      const routes = ((await control(emulator, "GET", "stats")) as { byRoute: Record<string, number> }).byRoute;
      // With /batch the job writes through it; without, it falls back to bulk edits after one try.
      expect(routes["PUT USER"] ?? 0).toBe(on ? 0 : 3);
    });
  });

  it("readPutFormBodies: connecting with a username and password works", async () => {
    await withEmulator({ readPutFormBodies: on }, async (emulator) => {
      const { username, password } = emulator.integrationUser;
      const row = await connectWorkfront(testResolver(database.db), { method: "password", tenant: emulator.url, username, password }, connectionAdmin);
      expect(row).toMatchObject({ state: "ok", workfrontUserId: emulator.integrationUser.ID });
    });
  });

  it("refuseSelfDeactivation: the dashboard refuses its own credential's user itself, and Workfront is untouched", async () => {
    await withEmulator({ refuseSelfDeactivation: on }, async (emulator, deps) => {
      const error = await change(deps, emulator.integrationUser.ID).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).code).toBe("protected_account");
      expect((await deps.client.getUser(emulator.integrationUser.ID)).isActive).toBe(true);
    });
  });

  it("clearDeactivationDateOnReactivation: deactivate and reactivate; the list shows each state", async () => {
    await withEmulator({ clearDeactivationDateOnReactivation: on }, async (emulator, deps) => {
      const [user] = await ordinaryUsers(deps, emulator, 1);
      await change(deps, user!.id);
      const back = await change(deps, user!.id, "reactivate");
      expect(back.isActive).toBe(true);
      const page = await listUsers(deps, userListQuerySchema.parse({ q: user!.email!, status: "active" }));
      expect(page.users.map((row) => [row.id, row.isActive])).toEqual([[user!.id, true]]);
    });
  });

  it("jwtRefreshTokens: an OAuth2 connection gets and renews its session", async () => {
    await withEmulator({ jwtRefreshTokens: on, sessionTtlMs: 60_000 }, async (emulator) => {
      const app = await registerOAuthApp(emulator);
      const resolver = testResolver(database.db);
      await connectWorkfront(resolver, { method: "oauth2", tenant: emulator.url, ...app }, connectionAdmin);
      expect((await (await resolver.client()).getCurrentUser()).id).toBe(emulator.integrationUser.ID);
      await control(emulator, "POST", "sessions/expire");
      expect((await (await resolver.client()).getCurrentUser()).id).toBe(emulator.integrationUser.ID);
    });
  });

  it("anyVersion: the app's default version answers", async () => {
    await withEmulator({ anyVersion: on }, async (_emulator, deps) => {
      expect(await deps.client.countUsers()).toBe(120);
    });
  });

  it("ims: password login is refused with a message naming OAuth2 and API keys, which still work", async () => {
    await withEmulator({ ims: on }, async (emulator) => {
      const resolver = testResolver(database.db);
      const { username, password } = emulator.integrationUser;
      const attempt = connectWorkfront(resolver, { method: "password", tenant: emulator.url, username, password }, connectionAdmin);
      if (on) await expect(attempt).rejects.toMatchObject({ status: 400, code: "workfront_password_login_refused" });
      else await expect(attempt).resolves.toMatchObject({ state: "ok" });
      const withKey = await connectWorkfront(resolver, { method: "api_key", tenant: emulator.url, apiKey: emulator.apiKey }, connectionAdmin);
      expect(withKey.state).toBe("ok");
    });
  });

  it.each([
    ["readOnlyApprovers", "approvalsAwaiting", "AWAPVL", "approverID"],
    ["readOnlyCheckouts", "documentsCheckedOut", "DOCU", "checkedOutByID"],
  ] as const)("%s: a leaver's reassignment completes; what the API does not reassign (%s) stays listed for them", async (option, category, objCode, field) => {
    await withEmulator({ [option]: on }, async (emulator, deps) => {
      const rows = await deps.client.searchWork(objCode, { fields: [field], filters: [{ field, op: "notnull" }], limit: 2000 });
      const holders = new Set(rows.map((row) => String(row.values[field])));
      const users = await ordinaryUsers(deps, emulator, 120);
      const leaver = users.find((user) => holders.has(user.id));
      const successor = users.find((user) => !holders.has(user.id) && user.id !== leaver?.id);
      if (!leaver || !successor) throw new Error(`the seed has no active ${objCode} holder and another person`);
      const before = (await checkPerson(deps.client, leaver.id)).categories.find((c) => c.key === category)!;
      expect(before.count).toBeGreaterThan(0);
      expect(before.reassignable).toBe(false);
      const items = await listItems(deps.client, await resolveSuccessors({ client: deps.client, db: database.db }, [{ leaverId: leaver.id, successorId: successor.id }]));
      expect(items.some((item) => item.objCode === objCode)).toBe(false);
      const id = await createReassignment(database.db, { actor: { accountId: actor.id, email: actor.email, role: "admin" }, reason: "Left", ticket: null, requestId: `req-${option}`, clientIp: null, items });
      await runReassignment({ db: database.db, client: deps.client }, id);
      expect(await getReassignment(database.db, id)).toMatchObject({ status: "completed", counts: { done: items.length, failed: 0 } });
      const after = (await checkPerson(deps.client, leaver.id)).categories.find((c) => c.key === category)!;
      expect(after.count).toBe(before.count);
    });
  });

  it("refuseInactiveAssignee: an inactive successor is refused before anything is written; one deactivated mid-run fails cleanly or is taken", async () => {
    await withEmulator({ refuseInactiveAssignee: on }, async (emulator, deps) => {
      const open = await deps.client.searchWork("ASSGN", { fields: ["assignedToID"], filters: [{ field: "task:percentComplete", op: "lt", value: 100 }], limit: 2000 });
      const holders = new Set(open.map((row) => String(row.values.assignedToID)));
      const users = await ordinaryUsers(deps, emulator, 120);
      const leaver = users.find((user) => holders.has(user.id))!;
      const successor = users.find((user) => user.id !== leaver.id)!;
      const [inactive] = await deps.client.searchUsers({ filters: [{ field: "isActive", value: false }], limit: 1 });
      const refused = await resolveSuccessors({ client: deps.client, db: database.db }, [{ leaverId: leaver.id, successorId: inactive!.id }]).catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 422, code: "successor_inactive" });

      // The successor is deactivated after the plan was made: Workfront's answer decides.
      const items = await listItems(deps.client, await resolveSuccessors({ client: deps.client, db: database.db }, [{ leaverId: leaver.id, successorId: successor.id }]));
      await deps.client.updateUser(successor.id, { isActive: false });
      const id = await createReassignment(database.db, { actor: { accountId: actor.id, email: actor.email, role: "admin" }, reason: "Left", ticket: null, requestId: `req-inactive-${on}`, clientIp: null, items });
      await runReassignment({ db: database.db, client: deps.client }, id);
      const summary = await getReassignment(database.db, id);
      expect(summary?.status).toBe("completed");
      // On: every change is refused and recorded as failed, nothing half-done; off: Workfront took them.
      expect(summary?.counts).toMatchObject(on ? { done: 0, failed: items.length } : { done: items.length, failed: 0 });
      const audits = await database.db.select().from(auditEvents).where(and(eq(auditEvents.action, "reassign"), eq(auditEvents.requestId, `req-inactive-${on}`)));
      expect(audits).toHaveLength(items.length);
      expect(audits.every((row) => row.outcome === (on ? "failed" : "succeeded"))).toBe(true);
    });
  });

  it("stringEnumsOnly: the tenant's facts load, with the licence labels", async () => {
    await withEmulator({ stringEnumsOnly: on }, async (emulator, deps) => {
      const facts = await tenantFacts(deps.client);
      expect(facts.integrationUserId).toBe(emulator.integrationUser.ID);
      expect(facts.licenseLabels.size).toBeGreaterThan(0);
    });
  });
});

describe.each(["429", "500", "503"] as const)("throttling answered with %s", (throttle) => {
  it("the users list still loads for 20 callers against a tenant capped at 2", async () => {
    await withEmulator({ throttle, maxInFlight: 2, latencyMs: 5 }, async (_emulator, deps) => {
      const pages = await Promise.all(
        Array.from({ length: 20 }, () => listUsers(deps, userListQuerySchema.parse({ status: "all" }))),
      );
      expect(pages.every((page) => page.users.length === 25)).toBe(true);
      expect(deps.client.limiterStats().limit).toBeLessThan(10);
    });
  });
});
