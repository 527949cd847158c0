import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { type DatabaseHandle, auditEvents, migrate, reassignmentItems } from "@/lib/db";
import { createTestDatabase } from "@/lib/db/test-databases";
import type { WorkObjCode } from "@/lib/workfront";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { createReassignment } from "./create";
import { listItems, resolveSuccessors } from "./plan";

/**
 * Issue 16's crash acceptance: a reassignment of 500 people's work (several thousand changes)
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

describe("a reassignment runner killed half way", () => {
  let emulator: RunningEmulator;
  let handle: DatabaseHandle;

  beforeAll(async () => {
    emulator = await startTestEmulator({ users: 1_300, latencyMs: 0, seed: 11 });
    handle = await createTestDatabase();
    await migrate(handle.db);
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
    // Most of the 500 hold something, and there is plenty left to do when the runner dies.
    expect(new Set(items.map((item) => item.leaverId)).size).toBeGreaterThan(400);
    expect(total).toBeGreaterThan(1000);
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
    // Slow Workfront so that writes are in flight when the runner dies: they land, their answers are lost.
    await control(emulator, "PATCH", "config", { latencyMs: 400 });
    await waitFor("a write in flight", async () =>
      (await state()).some((item) => item.state === "running" && item.auditEventId !== null),
    );
    first.child.kill("SIGKILL");
    await first.exited;
    expect(await done()).toBeLessThan(total);
    await control(emulator, "PATCH", "config", { latencyMs: 0 });

    const second = spawnRunner(handle.url, emulator, id);
    expect(await second.exited, second.output()).toBe(0);

    const final = await state();
    expect(final.every((item) => item.state === "done")).toBe(true);
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
