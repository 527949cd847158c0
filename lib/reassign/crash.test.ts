import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { type DatabaseHandle, type ReassignmentItemRow, auditEvents, reassignmentItems } from "@/lib/db";
import { createMigratedTestDatabase } from "@/lib/db/test-databases";
import type { WorkObjCode, WorkfrontClient } from "@/lib/workfront";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { createReassignment } from "./create";
import { listItems, resolveSuccessors } from "./plan";

/**
 * Issue 16's crash acceptance: a reassignment of 500 people's work (663 changes in this seed)
 * whose runner process is killed with SIGKILL half way; after a new runner finishes it, every
 * change is applied once, each with one completed audit row. The processes share one database.
 */
const root = path.resolve(__dirname, "..", "..");

function spawnRunner(databaseUrl: string, emulator: RunningEmulator, id: string) {
  const child: ChildProcess = spawn(
    process.execPath,
    ["--import", "tsx", "--conditions=react-server", "lib/reassign/run-cli.ts", id],
    {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: "test",
        LOG_LEVEL: "warn",
        DATABASE_URL: databaseUrl,
        WORKFRONT_URL: emulator.url,
        WORKFRONT_API_KEY: emulator.apiKey,
        REASSIGN_LEASE_MS: "1500",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 120_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** PUT requests the emulator has received so far (work objects' writes: one assignment, or a bulk edit). */
async function writesReceived(emulator: RunningEmulator): Promise<number> {
  const stats = await control<{ byRoute: Record<string, number> }>(emulator, "GET", "stats");
  return Object.entries(stats.byRoute)
    .filter(([route]) => route.startsWith("PUT "))
    .reduce((sum, [, count]) => sum + count, 0);
}

/** Items still running (claimed by the dead runner) whose object Workfront shows with the successor: ID → audit row. */
async function waitForLanded(
  client: WorkfrontClient,
  state: () => Promise<ReassignmentItemRow[]>,
  successor: string,
): Promise<Map<string, number>> {
  const landed = new Map<string, number>();
  await waitFor("the write in flight to land", async () => {
    for (const item of (await state()).filter((row) => row.state === "running" && row.auditEventId !== null)) {
      const [row] = await client.searchWork(item.objCode as WorkObjCode, {
        fields: [item.field],
        filters: [{ field: "ID", value: item.objectId }],
      });
      if (row?.values[item.field] === successor) landed.set(item.id, item.auditEventId!);
    }
    return landed.size > 0;
  });
  return landed;
}

describe("a reassignment runner killed half way", () => {
  let emulator: RunningEmulator;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 1_300, latencyMs: 0, seed: 11 });
    handle = await createMigratedTestDatabase();
  });
  afterAll(async () => {
    await handle?.close();
    await emulator?.close();
  });

  it("applies every change once, each with one completed audit row", async () => {
    const client = clientFor(emulator);
    const active = await client.searchUsers({
      filters: [{ field: "isActive", value: true }],
      sort: [{ field: "ID", direction: "asc" }],
      limit: 1000,
    });
    const [successor, ...others] = active.slice(2).map((user) => user.id);
    const leavers = others.slice(0, 500);
    expect(leavers).toHaveLength(500);
    const pairs = await resolveSuccessors(
      { client, db: handle.db },
      leavers.map((leaverId) => ({ leaverId, successorId: successor })),
    );
    const items = await listItems(client, pairs);
    const total = items.length;
    // Most of the 500 hold something (in this seed about two in three), and there is plenty left to do when the runner dies.
    expect(new Set(items.map((item) => item.leaverId)).size).toBeGreaterThan(250);
    expect(total).toBeGreaterThan(500);
    const id = await createReassignment(handle.db, {
      actor: { accountId: null, email: "op@example.com", role: "operator" },
      reason: "Left",
      ticket: null,
      requestId: "crash",
      clientIp: null,
      items,
    });
    const state = () =>
      handle.db.select().from(reassignmentItems).where(eq(reassignmentItems.reassignmentId, id));
    const done = async () => (await state()).filter((item) => item.state === "done").length;

    await control(emulator, "PATCH", "config", { latencyMs: 20 });
    const first = spawnRunner(handle.url, emulator, id);
    await waitFor("a hundred changes", async () => (await done()) >= 100);
    // Slow Workfront so that a write is in flight when the runner dies: the emulator has received it
    // (counted) and applies it after the latency, whether or not anyone is left to hear the answer.
    await control(emulator, "PATCH", "config", { latencyMs: 400 });
    const sent = await writesReceived(emulator);
    await waitFor("a write received by Workfront", async () => (await writesReceived(emulator)) > sent);
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await done()).toBeLessThan(total);
    // That write lands with its answer lost: an item still running in the database whose object
    // already names the successor. The next runner must complete it without a second audit row.
    await control(emulator, "PATCH", "config", { latencyMs: 0 });
    const landed = await waitForLanded(client, state, successor!);
    // From here, count what the next runner sends: one PUT per assignment still to change, none for
    // an assignment already changed (done, or landed unheard).
    const atRestart = await state();
    const assignmentsLeft = atRestart.filter((item) => item.objCode === "ASSGN" && item.state !== "done" && !landed.has(item.id)).length;
    await control(emulator, "POST", "stats/reset");

    const second = spawnRunner(handle.url, emulator, id);
    expect(await second.exited, second.output()).toBe(0);

    const routes = (await control<{ byRoute: Record<string, number> }>(emulator, "GET", "stats")).byRoute;
    expect(routes["PUT ASSGN/:id"] ?? 0).toBe(assignmentsLeft);
    const final = await state();
    expect(final.every((item) => item.state === "done")).toBe(true);
    // The write whose answer was lost: done on its earlier attempt's audit row, as succeeded.
    for (const item of final.filter((row) => landed.has(row.id))) {
      expect(item.attempts).toBeGreaterThan(1);
      expect(item.auditEventId).toBe(landed.get(item.id));
    }
    const auditIds = final.map((item) => item.auditEventId!);
    expect(new Set(auditIds).size).toBe(total);
    const rows: (typeof auditEvents.$inferSelect)[] = [];
    for (let i = 0; i < auditIds.length; i += 1000) {
      rows.push(...(await handle.db.select().from(auditEvents).where(inArray(auditEvents.id, auditIds.slice(i, i + 1000)))));
    }
    expect(rows).toHaveLength(total);
    expect(rows.every((row) => row.outcome !== "pending" && row.completedAt !== null)).toBe(true);
    expect(rows.every((row) => row.outcome === "succeeded")).toBe(true);
    const reassignRows = await handle.db
      .select({ id: auditEvents.id })
      .from(auditEvents)
      .where(eq(auditEvents.action, "reassign"));
    expect(reassignRows).toHaveLength(total);

    // Workfront: each object now names the successor.
    const byType = new Map<string, typeof final>();
    for (const item of final)
      byType.set(`${item.objCode}:${item.field}`, [
        ...(byType.get(`${item.objCode}:${item.field}`) ?? []),
        item,
      ]);
    for (const group of byType.values()) {
      const { objCode, field } = group[0]!;
      for (let i = 0; i < group.length; i += 100) {
        const slice = group.slice(i, i + 100);
        const rows = await client.searchWork(objCode as WorkObjCode, {
          fields: [field],
          filters: [{ field: "ID", op: "in", values: slice.map((item) => item.objectId) }],
          limit: slice.length,
        });
        expect(rows.every((row) => row.values[field] === successor)).toBe(true);
        expect(rows).toHaveLength(slice.length);
      }
    }
  }, 240_000);
});
