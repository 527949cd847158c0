import { and, asc, eq, notInArray } from "drizzle-orm";
import { expect } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { type Database, auditEvents, jobItems } from "@/lib/db";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import type { WorkfrontClientConfig } from "@/lib/workfront/config";
import { clientFor, control } from "@/lib/workfront/test-support";
import { insertJob } from "./create-job";
import type { JobActor } from "./events";
import type { ItemState } from "./vocabulary";
import { waitFor as waitUntil } from "./wait";

/** Helpers for the job engine's integration tests: a tenant, targets, and the end-state checks. */
export const operator: JobActor = {
  accountId: null,
  email: "operator@example.com",
  role: "operator",
  requestId: "test-request",
  clientIp: "127.0.0.1",
};

export function testDeps(
  db: Database,
  emulator: RunningEmulator,
  overrides: Partial<WorkfrontClientConfig> = {},
): OffboardingDeps {
  return {
    db,
    client: clientFor(emulator, {
      timeoutMs: 2_000,
      deadlineMs: 20_000,
      retryBaseMs: 10,
      retryCapMs: 100,
      ...overrides,
    }),
    protectedUsers: [],
  };
}

interface StoredUser {
  ID: string;
  isActive: boolean;
  accessLevelID: string;
}

/** The emulator's own record of each user (control API, outside the API's cap and faults). */
export async function storedUsers(
  emulator: RunningEmulator,
  ids: readonly string[],
): Promise<Map<string, StoredUser>> {
  const result = new Map<string, StoredUser>();
  const queue = [...ids];
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        result.set(id, await control<StoredUser>(emulator, "GET", `users/${id}`));
      }
    }),
  );
  return result;
}

/** The first `count` users by ID, whatever their state: active, inactive, admins, protected. */
export async function firstUsers(emulator: RunningEmulator, count: number): Promise<string[]> {
  const response = await fetch(
    `${emulator.url}/attask/api/v21.0/user/search?ID_Sort=asc&$$LIMIT=${count}&fields=ID`,
    { headers: { apiKey: emulator.apiKey } },
  );
  const body = (await response.json()) as { data: { ID: string }[] };
  return body.data.map((user) => user.ID);
}

/**
 * A deactivation job over `ids` (default: the first `count` users), and each one's isActive before
 * it ran, as Workfront stored it, for the end-state checks.
 */
export async function deactivationJob(
  db: Database,
  emulator: RunningEmulator,
  targets: { count: number } | { ids: string[] },
  details: { reason?: string; ticket?: string | null } = {},
) {
  const ids = "ids" in targets ? targets.ids : await firstUsers(emulator, targets.count);
  const before = new Map([...(await storedUsers(emulator, ids))].map(([id, user]) => [id, user.isActive]));
  const jobId = await insertJob(db, {
    kind: "deactivate",
    targets: ids.map((id) => ({ id })),
    reason: details.reason ?? "Contracts ended",
    ticket: details.ticket ?? null,
    actor: operator,
  });
  return { ids, before, jobId };
}

export { jobStatus } from "./wait";

/**
 * How long a test waits for a job's state before failing: 45 s, and 15 s under mutation testing
 * (`npm run test:mutation` sets MUTATION_MODULE). Unmutated, every wait in these tests ends within
 * a few seconds (Stryker's first run checks it); a mutant that stalls a job is then caught in 15 s
 * instead of 45, which is most of what such a mutant costs the run.
 */
const WAIT_MS = process.env.MUTATION_MODULE ? 15_000 : 45_000;

export function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false>,
  options: { timeoutMs?: number; everyMs?: number } = {},
): Promise<T> {
  return waitUntil(what, probe, { timeoutMs: WAIT_MS, ...options });
}

export async function finalCount(db: Database, jobId: string): Promise<number> {
  return db.$count(
    jobItems,
    and(eq(jobItems.jobId, jobId), notInArray(jobItems.state, ["pending", "running"])),
  );
}

export async function runningCount(db: Database, jobId: string): Promise<number> {
  return db.$count(jobItems, and(eq(jobItems.jobId, jobId), eq(jobItems.state, "running")));
}

const auditOutcomeOf: Record<ItemState, string | null> = {
  pending: null,
  running: null,
  succeeded: "succeeded",
  already: "already",
  failed: "failed",
  refused: "refused",
  cancelled: "failed",
};

/**
 * The acceptance checks of a finished deactivation job: every item final (a failure has a
 * reason); the emulator's users match the items exactly; exactly one completed audit row per item
 * (none for a person cancelled before starting) and no pending row left.
 */
export async function expectJobConsistent(
  db: Database,
  emulator: RunningEmulator,
  jobId: string,
  before: ReadonlyMap<string, boolean>,
) {
  const items = await db
    .select()
    .from(jobItems)
    .where(eq(jobItems.jobId, jobId))
    .orderBy(asc(jobItems.position));
  const counts: Record<string, number> = {};
  for (const item of items) counts[item.state] = (counts[item.state] ?? 0) + 1;
  for (const item of items) {
    expect(["succeeded", "already", "failed", "refused", "cancelled"], `item ${item.position}`).toContain(
      item.state,
    );
    if (item.state === "failed")
      expect(item.errorCode, `failed item ${item.position} has a reason`).toBeTruthy();
  }

  const stored = await storedUsers(
    emulator,
    items.map((item) => item.targetId),
  );
  for (const item of items) {
    const wasActive = before.get(item.targetId);
    const isActive = stored.get(item.targetId)?.isActive;
    const label = `${item.state} item ${item.position} (${item.targetId})`;
    if (item.state === "succeeded") expect([wasActive, isActive], label).toEqual([true, false]);
    else if (item.state === "already") expect([wasActive, isActive], label).toEqual([false, false]);
    else expect(isActive, label).toBe(wasActive);
  }

  const rows = await db.select().from(auditEvents).where(eq(auditEvents.jobId, jobId));
  expect(
    rows.filter((row) => row.outcome === "pending"),
    "no pending audit row is left",
  ).toEqual([]);
  const byItem = new Map<string, typeof rows>();
  for (const row of rows) byItem.set(row.jobItemId!, [...(byItem.get(row.jobItemId!) ?? []), row]);
  for (const item of items) {
    const mine = byItem.get(item.id) ?? [];
    if (item.state === "cancelled" && item.auditEventId === null) {
      expect(mine, `never-started cancelled item ${item.position} has no audit row`).toEqual([]);
      continue;
    }
    expect(
      mine.map((row) => row.outcome),
      `item ${item.position}: one completed audit row`,
    ).toEqual([auditOutcomeOf[item.state]]);
    expect(mine[0]?.id).toBe(item.auditEventId);
    expect(mine[0]?.targetId).toBe(item.targetId);
  }
  return { items, counts, auditRows: rows.length };
}
