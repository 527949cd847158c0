import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { notConnectedClient } from "@/lib/connection/guarded-client";
import { type NewAuditEventRow, auditEvents } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { WorkfrontClient } from "@/lib/workfront";
import { clientFor, startTestEmulator } from "@/lib/workfront/test-support";
import { DEFAULT_GRACE_MS, type ReconcileReport, reconcileGraceMs, reconcileInterrupted } from "./reconcile";
import { startAuditReconciler } from "./reconcile-runner";
import { workfrontId } from "./test-fixtures";

/**
 * Single actions interrupted between their pending audit row and its completion, settled from what
 * Workfront (the emulator, over HTTP) reports afterwards, on both database drivers.
 */
let emulator: RunningEmulator;
let client: WorkfrontClient;
/** Ordinary users (not the main admin, not the integration user); each test takes its own. */
let pool: string[] = [];

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 120, latencyMs: 0, jitterMs: 0 });
  client = clientFor(emulator);
  const users = await client.searchUsers({
    filters: [{ field: "ID", op: "notin", values: [emulator.adminUserID, emulator.integrationUser.ID] }],
    limit: 100,
  });
  pool = users.map((user) => user.id);
});
afterAll(async () => {
  await emulator?.close();
});

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
const MINUTE = 60_000;

/** A user of the pool, set to `isActive` in Workfront. */
async function userThatIs(isActive: boolean): Promise<string> {
  const id = pool.shift();
  if (!id) throw new Error("the test pool of users is used up");
  await client.updateUser(id, { isActive });
  return id;
}

describe("the grace before a pending row counts as interrupted", () => {
  it("is at least 10 minutes, and at least twice the per-call deadline", () => {
    expect(DEFAULT_GRACE_MS).toBe(10 * MINUTE);
    expect(reconcileGraceMs(30_000)).toBe(10 * MINUTE);
    expect(reconcileGraceMs(5 * MINUTE)).toBe(10 * MINUTE);
    expect(reconcileGraceMs(8 * MINUTE)).toBe(16 * MINUTE);
  });
});

/** A report with the counts a test expects, every other count zero. */
const reportOf = (counts: Partial<ReconcileReport>): ReconcileReport => ({
  stale: 0,
  succeeded: 0,
  already: 0,
  interrupted: 0,
  notFound: 0,
  completedElsewhere: 0,
  leftPending: 0,
  workfrontError: null,
  ...counts,
});

withTestDatabase("reconciling interrupted single actions", ({ db }) => {
  /** A pending row as a crashed request leaves it, written `minutesAgo` minutes ago. */
  async function pending(row: Partial<NewAuditEventRow> & { targetId: string; minutesAgo: number }) {
    const { minutesAgo, ...rest } = row;
    const [inserted] = await db()
      .insert(auditEvents)
      .values({
        action: "deactivate",
        actorEmail: "operator@example.com",
        actorRole: "operator",
        reason: "Left the company",
        requestId: `req-${randomUUID()}`,
        isActiveBefore: rest.action === "reactivate" ? false : true,
        outcome: "pending",
        occurredAt: new Date(Date.now() - minutesAgo * MINUTE),
        ...rest,
      })
      .returning({ id: auditEvents.id });
    return inserted!.id;
  }

  const rowOf = async (id: number) =>
    (await db().select().from(auditEvents).where(eq(auditEvents.id, id)))[0]!;
  const reconcile = (workfront: WorkfrontClient = client) =>
    reconcileInterrupted({ db: db(), client: workfront }, { logger: quiet });

  it("completes a stale row as succeeded when Workfront shows the wanted state", async () => {
    const deactivated = await userThatIs(false);
    const reactivated = await userThatIs(true);
    const first = await pending({ targetId: deactivated, minutesAgo: 30 });
    const second = await pending({ targetId: reactivated, action: "reactivate", minutesAgo: 11 });
    const report = await reconcile();
    expect(report).toEqual(reportOf({ stale: 2, succeeded: 2 }));
    expect(await rowOf(first)).toMatchObject({
      outcome: "succeeded",
      isActiveBefore: true,
      isActiveAfter: false,
      errorCode: null,
    });
    expect(await rowOf(second)).toMatchObject({ outcome: "succeeded", isActiveAfter: true });
    expect((await rowOf(first)).completedAt).toBeInstanceOf(Date);
  });

  it("says 'already' when the row shows the user was in the wanted state before the call", async () => {
    const id = await userThatIs(false);
    const row = await pending({ targetId: id, minutesAgo: 20, isActiveBefore: false });
    expect(await reconcile()).toEqual(reportOf({ stale: 1, already: 1 }));
    expect(await rowOf(row)).toMatchObject({ outcome: "already", isActiveAfter: false });
  });

  it("completes as failed/interrupted, saying what Workfront reports, when the change is not there", async () => {
    const id = await userThatIs(true);
    const row = await pending({ targetId: id, minutesAgo: 15 });
    const report = await reconcile();
    expect(report).toEqual(reportOf({ stale: 1, interrupted: 1 }));
    const done = await rowOf(row);
    expect(done).toMatchObject({ outcome: "failed", errorCode: "interrupted", isActiveAfter: true });
    expect(done.errorMessage).toContain("The app stopped before Workfront answered this deactivation");
    expect(done.errorMessage).toContain(
      "Workfront reports the user as active (isActive: true), not deactivated",
    );
  });

  it("completes as failed/interrupted when Workfront no longer finds the user", async () => {
    const row = await pending({ targetId: workfrontId(0xdead_beef), minutesAgo: 15 });
    const report = await reconcile();
    expect(report).toEqual(reportOf({ stale: 1, interrupted: 1, notFound: 1 }));
    const done = await rowOf(row);
    expect(done).toMatchObject({ outcome: "failed", errorCode: "interrupted", isActiveAfter: null });
    expect(done.errorMessage).toContain("Workfront no longer finds this user");
  });

  it("leaves rows inside the grace period and rows of bulk jobs alone", async () => {
    const fresh = await pending({ targetId: await userThatIs(false), minutesAgo: 2 });
    const ofJob = await pending({
      targetId: await userThatIs(false),
      minutesAgo: 60,
      jobId: randomUUID(),
      jobItemId: randomUUID(),
    });
    expect(await reconcile()).toEqual(reportOf({}));
    expect(await rowOf(fresh)).toMatchObject({ outcome: "pending", completedAt: null });
    expect(await rowOf(ofJob)).toMatchObject({ outcome: "pending", completedAt: null });
    // A shorter grace takes the fresh one too; the job's row is still never touched.
    expect(await reconcileInterrupted({ db: db(), client }, { logger: quiet, graceMs: MINUTE })).toEqual(
      reportOf({ stale: 1, succeeded: 1 }),
    );
    expect(await rowOf(fresh)).toMatchObject({ outcome: "succeeded" });
    expect(await rowOf(ofJob)).toMatchObject({ outcome: "pending" });
  });

  it("leaves rows pending while Workfront is down, not connected, refuses the key or cannot be read, says why, and settles them later", async () => {
    const id = await userThatIs(false);
    const row = await pending({ targetId: id, minutesAgo: 15 });
    const down = clientFor(emulator, { url: "http://127.0.0.1:9", maxRetries: 0, deadlineMs: 2_000 });
    const refused = clientFor(emulator, { credential: { kind: "apiKey", apiKey: "not-the-key" } });
    const none = notConnectedClient(client);
    // A read that fails other than as Workfront's answer (a bug, a lost socket in our code).
    const broken: WorkfrontClient = {
      ...client,
      getUsers: async () => {
        throw new TypeError("cannot read properties of undefined");
      },
    };
    const codes: (string | null)[] = [];
    // What operators read in the log: that rows wait, and why.
    const logged: { level: string; object: object; message: string }[] = [];
    const logger = {
      info: (object: object, message: string) => void logged.push({ level: "info", object, message }),
      warn: (object: object, message: string) => void logged.push({ level: "warn", object, message }),
      error: (object: object, message: string) => void logged.push({ level: "error", object, message }),
    };
    for (const workfront of [down, refused, none, broken]) {
      const report = await reconcileInterrupted({ db: db(), client: workfront }, { logger });
      expect(report).toEqual(reportOf({ stale: 1, leftPending: 1, workfrontError: report.workfrontError }));
      codes.push(report.workfrontError);
      expect(await rowOf(row)).toMatchObject({ outcome: "pending", completedAt: null });
    }
    expect(codes).toEqual(["unavailable", "auth", "not_connected", "internal"]);
    const counts = reportOf({ stale: 1, leftPending: 1 });
    const { workfrontError: _, ...countsOnly } = counts;
    expect(logged).toEqual(
      [
        ["unavailable", "Workfront could not be asked"],
        ["auth", "Workfront is not connected or refuses the credential"],
        ["not_connected", "Workfront is not connected or refuses the credential"],
        ["internal", "Workfront could not be asked"],
      ].map(([workfrontError, why]) => ({
        level: "warn",
        object: { ...countsOnly, workfrontError },
        message: `interrupted audit rows left pending: ${why}; trying again later`,
      })),
    );
    logged.length = 0;
    expect(await reconcileInterrupted({ db: db(), client }, { logger })).toEqual(reportOf({ stale: 1, succeeded: 1 }));
    expect(await rowOf(row)).toMatchObject({ outcome: "succeeded", isActiveAfter: false });
    expect(logged).toEqual([
      { level: "info", object: { ...countsOnly, leftPending: 0, succeeded: 1 }, message: "interrupted audit rows settled" },
    ]);
  });

  it("judges by the next action's reading when a later action changed the user again", async () => {
    // Deactivation interrupted, landed, and the user was reactivated later: Workfront now says
    // active, but the reactivation read them as deactivated.
    const landed = await userThatIs(true);
    const first = await pending({ targetId: landed, minutesAgo: 40 });
    await pending({
      targetId: landed,
      action: "reactivate",
      minutesAgo: 30,
      isActiveBefore: false,
      outcome: "succeeded",
      completedAt: new Date(),
      isActiveAfter: true,
    });
    // Deactivation interrupted and not applied; the operator retried and that one did it.
    const retried = await userThatIs(false);
    const second = await pending({ targetId: retried, minutesAgo: 40 });
    await pending({
      targetId: retried,
      minutesAgo: 35,
      isActiveBefore: true,
      outcome: "succeeded",
      completedAt: new Date(),
      isActiveAfter: false,
    });
    // Both are judged by the later rows' readings: Workfront is not asked at all.
    const unreachable = clientFor(emulator, { url: "http://127.0.0.1:9", maxRetries: 0, deadlineMs: 2_000 });
    expect(await reconcile(unreachable)).toEqual(reportOf({ stale: 2, succeeded: 1, interrupted: 1 }));
    expect(await rowOf(first)).toMatchObject({ outcome: "succeeded", isActiveAfter: false });
    const notApplied = await rowOf(second);
    expect(notApplied).toMatchObject({ outcome: "failed", errorCode: "interrupted", isActiveAfter: true });
    expect(notApplied.errorMessage).toContain("when the next action on this user started");
  });

  it("completes each row once when two reconcilers run at the same time", async () => {
    const ids = [await userThatIs(false), await userThatIs(true), await userThatIs(false)];
    const rows = await Promise.all(ids.map((targetId) => pending({ targetId, minutesAgo: 25 })));
    // Both read the same stale rows and ask Workfront before either completes one.
    let arrived = 0;
    let release: () => void = () => {};
    const bothAsked = new Promise<void>((resolve) => (release = resolve));
    const waiting = (inner: WorkfrontClient): WorkfrontClient => ({
      ...inner,
      getUsers: async (...args: Parameters<WorkfrontClient["getUsers"]>) => {
        const answers = await inner.getUsers(...args);
        if (++arrived === 2) release();
        await bothAsked;
        return answers;
      },
    });
    const reports: ReconcileReport[] = await Promise.all([
      reconcile(waiting(client)),
      reconcile(waiting(clientFor(emulator))),
    ]);
    const done = await db().select().from(auditEvents).where(inArray(auditEvents.id, rows));
    expect(done.map((row) => row.outcome).sort()).toEqual(["failed", "succeeded", "succeeded"]);
    const completed = reports.reduce(
      (sum, report) => sum + report.succeeded + report.already + report.interrupted,
      0,
    );
    const elsewhere = reports.reduce((sum, report) => sum + report.completedElsewhere, 0);
    // Every stale row either reconciler saw was completed by exactly one of them.
    expect(completed).toBe(reports[0]!.stale);
    expect(elsewhere).toBe(reports[1]!.stale);
    expect(reports[0]!.stale).toBe(reports[1]!.stale);
  });

  it("runs at start and again on demand with its grace and logger, and stops", async () => {
    const id = await userThatIs(false);
    // Inside the default grace, outside the one given.
    const row = await pending({ targetId: id, minutesAgo: 3 });
    const settled: object[] = [];
    const reconciler = startAuditReconciler({
      deps: async () => ({ db: db(), client }),
      logger: { ...quiet, info: (object: object) => void settled.push(object) },
      intervalMs: 60 * MINUTE,
      graceMs: 2 * MINUTE,
    });
    try {
      const report = await reconciler.runNow();
      expect(report).not.toBeNull();
      expect(await rowOf(row)).toMatchObject({ outcome: "succeeded" });
      expect(settled).toContainEqual(expect.objectContaining({ stale: 1, succeeded: 1 }));
    } finally {
      await reconciler.stop();
    }
  });

  it("settles at most `limit` rows a pass, oldest first; the rest wait for the next pass", async () => {
    const rows = [];
    for (const minutesAgo of [50, 49, 48]) {
      rows.push(await pending({ targetId: workfrontId(0xdead_0000 + minutesAgo), minutesAgo }));
    }
    const pass = () => reconcileInterrupted({ db: db(), client }, { logger: quiet, limit: 2 });
    expect(await pass()).toEqual(reportOf({ stale: 2, interrupted: 2, notFound: 2 }));
    expect((await rowOf(rows[2]!)).outcome).toBe("pending");
    expect((await rowOf(rows[0]!)).outcome).toBe("failed");
    expect(await pass()).toEqual(reportOf({ stale: 1, interrupted: 1, notFound: 1 }));
    expect((await rowOf(rows[2]!)).outcome).toBe("failed");
  });

  it("reads more than 100 users in requests of 100 (Workfront's limit) and settles them all", async () => {
    const ids = Array.from({ length: 101 }, (_, i) => workfrontId(0xbad_0000 + i));
    const rows = [];
    for (const targetId of ids) rows.push(await pending({ targetId, minutesAgo: 30 }));
    expect(await reconcile()).toEqual(reportOf({ stale: 101, interrupted: 101, notFound: 101 }));
    const done = await db().select().from(auditEvents).where(inArray(auditEvents.id, rows));
    expect(new Set(done.map((row) => row.outcome))).toEqual(new Set(["failed"]));
  });
});
