import "server-only";
import { and, eq, getTableColumns, lt, sql } from "drizzle-orm";
import { type Database, indexedUsers, insertJsonRows, userIndexState } from "@/lib/db";
import type { Filter, WorkfrontClient, WorkfrontUser } from "@/lib/workfront";
import { type IndexedUserRow, toRow } from "./rows";

/**
 * Keeping the index in step with Workfront (table `indexed_users`):
 * - a full read on first use, and whenever the counts disagree: every user, 2,000 a request (the
 *   requests in parallel under the client's cap), written as each page arrives; users no page
 *   named are gone from Workfront and are removed;
 * - a refresh every few minutes: one search for whoever changed, signed in or was created since
 *   the last one, and one count, so an unchanged tenant costs two requests;
 * - every user an action or a job reads or writes (`noteUsers`).
 * One instance refreshes a tenant at a time (a lease in `user_index_state`).
 */
export const PAGE_LIMIT = 2000;
/** Rows per upsert: one JSON parameter each, so a whole page of users at once. */
const WRITE_BATCH = PAGE_LIMIT;

export interface IndexDeps {
  db: Database;
  client: WorkfrontClient;
}

export interface SyncReport {
  kind: "build" | "refresh" | "busy";
  /** Users written. */
  written: number;
  /** Users removed because Workfront no longer has them (full reads only). */
  removed: number;
  /** Workfront requests made. */
  requests: number;
}

/** The tenant an index belongs to: the origin of the client's API base. */
export const tenantOf = (client: WorkfrontClient): string => new URL(client.apiBase).origin;

async function ensureState(db: Database, tenant: string) {
  await db.insert(userIndexState).values({ tenant }).onConflictDoNothing();
}

/** Takes the tenant's refresh lease, or answers false while another instance holds it. */
async function takeLease(db: Database, tenant: string, owner: string, leaseMs: number): Promise<boolean> {
  await ensureState(db, tenant);
  const taken = await db
    .update(userIndexState)
    .set({ leaseOwner: owner, leaseExpiresAt: sql`now() + ${leaseMs} * interval '1 millisecond'` })
    .where(
      and(
        eq(userIndexState.tenant, tenant),
        sql`(${userIndexState.leaseOwner} is null or ${userIndexState.leaseExpiresAt} < now() or ${userIndexState.leaseOwner} = ${owner})`,
      ),
    )
    .returning({ tenant: userIndexState.tenant });
  return taken.length > 0;
}

async function releaseLease(db: Database, tenant: string, owner: string, changes: Partial<typeof userIndexState.$inferInsert>) {
  await db
    .update(userIndexState)
    .set({ ...changes, leaseOwner: null, leaseExpiresAt: null })
    .where(and(eq(userIndexState.tenant, tenant), eq(userIndexState.leaseOwner, owner)));
}

// On conflict every column takes the new value, but the key; `seen_in` only ever grows. A row that
// would not change is left alone (and not returned), so a refresh that brings back the same people
// (its hour of overlap) is not counted as a change, and the remembered totals stay good.
const DATA_COLUMNS = Object.values(getTableColumns(indexedUsers))
  .filter((column) => !["tenant", "id", "seen_in"].includes(column.name))
  .map((column) => `"${column.name}"`);
const ON_CONFLICT = sql.raw(
  `on conflict (tenant, id) do update set ${DATA_COLUMNS.map((name) => `${name} = excluded.${name}`).join(", ")}, ` +
    `seen_in = greatest(indexed_users.seen_in, excluded.seen_in) ` +
    `where (${DATA_COLUMNS.map((name) => `indexed_users.${name}`).join(", ")}) is distinct from (${DATA_COLUMNS.map((name) => `excluded.${name}`).join(", ")}) ` +
    `or indexed_users.seen_in < excluded.seen_in returning 1`,
);

/**
 * Upserts rows; `seen_in` only ever grows, so a row noted during a full read is not removed.
 * Returns how many rows were new or changed.
 */
async function writeRows(db: Database, rows: readonly IndexedUserRow[]): Promise<number> {
  let changed = 0;
  for (let start = 0; start < rows.length; start += WRITE_BATCH) {
    const batch = rows.slice(start, start + WRITE_BATCH);
    // One JSON parameter per batch (lib/db/recordset.ts says why).
    const result = await db.execute(insertJsonRows(indexedUsers, batch, { tail: ON_CONFLICT }));
    changed += (result as unknown as { rows: unknown[] }).rows.length;
  }
  return changed;
}

async function bumpVersion(db: Database, tenant: string, changes: Partial<typeof userIndexState.$inferInsert> = {}) {
  await db
    .update(userIndexState)
    .set({ ...changes, version: sql`${userIndexState.version} + 1` })
    .where(eq(userIndexState.tenant, tenant));
}

/** Users an action or a job just read or wrote: the index shows what Workfront answered. */
export async function noteUsers(db: Database, client: WorkfrontClient, users: readonly WorkfrontUser[]): Promise<void> {
  if (users.length === 0) return;
  const tenant = tenantOf(client);
  const [state] = await db.select({ run: userIndexState.run }).from(userIndexState).where(eq(userIndexState.tenant, tenant));
  // No index yet for this tenant: the first full read will bring everyone.
  if (!state) return;
  if ((await writeRows(db, users.map((user) => toRow(tenant, user, state.run)))) > 0) await bumpVersion(db, tenant);
}

async function fullRead(deps: IndexDeps, tenant: string, run: number): Promise<{ written: number; requests: number }> {
  const { client, db } = deps;
  const total = await client.countUsers();
  const sort = [{ field: "ID", direction: "asc" as const }];
  let written = 0;
  const readPage = async (page: number): Promise<number> => {
    const users = await client.searchUsers({ sort, first: page * PAGE_LIMIT, limit: PAGE_LIMIT });
    await writeRows(db, users.map((user) => toRow(tenant, user, run)));
    written += users.length;
    return users.length;
  };
  const pageCount = Math.max(1, Math.ceil(total / PAGE_LIMIT));
  const counts = await Promise.all(Array.from({ length: pageCount }, (_, page) => readPage(page)));
  let requests = 1 + pageCount;
  // People added between the count and the pages: read on until a page is short.
  for (let page = pageCount; counts[page - 1] === PAGE_LIMIT; page += 1) {
    counts.push(await readPage(page));
    requests += 1;
  }
  return { written, requests };
}

/**
 * After a full read the planner's statistics are those of an empty (or older) table until
 * autovacuum comes by, and it would pick a plan for 200 rows over 100,000; the visibility map
 * lets counts read only an index. So: vacuum and analyze now. A role that does not own the table
 * only gets a warning from PostgreSQL, and the index still works.
 */
async function tidyAfterFullRead(db: Database): Promise<void> {
  await db.execute(sql`vacuum (analyze) indexed_users`);
}

/** Reads every user of the tenant into the index (see above). */
export async function buildIndex(deps: IndexDeps, owner: string, leaseMs = 10 * 60_000): Promise<SyncReport> {
  const { db, client } = deps;
  const tenant = tenantOf(client);
  if (!(await takeLease(db, tenant, owner, leaseMs))) return { kind: "busy", written: 0, removed: 0, requests: 0 };
  try {
    const [state] = await db
      .update(userIndexState)
      .set({ run: sql`${userIndexState.run} + 1` })
      .where(eq(userIndexState.tenant, tenant))
      .returning({ run: userIndexState.run });
    const run = state!.run;
    const started = new Date();
    const { written, requests } = await fullRead(deps, tenant, run);
    const removed = await db
      .delete(indexedUsers)
      .where(and(eq(indexedUsers.tenant, tenant), lt(indexedUsers.seenIn, run)))
      .returning({ id: indexedUsers.id });
    await tidyAfterFullRead(db);
    await bumpVersion(db, tenant, { builtAt: started, refreshedAt: started, watermark: started, lastError: null });
    await releaseLease(db, tenant, owner, {});
    return { kind: "build", written, removed: removed.length, requests };
  } catch (error) {
    await releaseLease(db, tenant, owner, { lastError: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** Who changed, signed in or was created since `since`, as Workfront's documented wildcards say it. */
function changedSince(since: Date, now: number): Filter[][] {
  // $$NOW takes whole units ("$$NOW-2h", edit-report-filters.md); an hour's overlap costs nothing.
  const hours = Math.max(1, Math.ceil((now - since.getTime()) / 3_600_000) + 1);
  const value = `$$NOW-${hours}h`;
  return ["lastUpdateDate", "lastLoginDate", "entryDate"].map((field) => [{ field, op: "gte" as const, value }]);
}

/**
 * Brings the index up to date: a full read when there is none, or when Workfront's count of users
 * and the index's disagree (someone was deleted, or a change slipped past); otherwise the users
 * that changed since the last refresh.
 */
export async function refreshIndex(deps: IndexDeps, owner: string, leaseMs = 10 * 60_000): Promise<SyncReport> {
  const { db, client } = deps;
  const tenant = tenantOf(client);
  await ensureState(db, tenant);
  const [state] = await db.select().from(userIndexState).where(eq(userIndexState.tenant, tenant));
  if (!state?.builtAt || !state.watermark) return buildIndex(deps, owner, leaseMs);
  if (!(await takeLease(db, tenant, owner, leaseMs))) return { kind: "busy", written: 0, removed: 0, requests: 0 };
  let report: SyncReport;
  let agrees: boolean;
  try {
    // Workfront's clock and ours may differ: the hour of overlap in `changedSince` covers it.
    const started = new Date();
    const anyOf = changedSince(state.watermark, started.getTime());
    const sort = [{ field: "ID", direction: "asc" as const }];
    const [changed, total] = await Promise.all([client.searchUsers({ anyOf, sort, limit: PAGE_LIMIT }), client.countUsers()]);
    report = { kind: "refresh", written: 0, removed: 0, requests: 2 };
    const all = [...changed];
    for (let page = 1; all.length === page * PAGE_LIMIT; page += 1) {
      all.push(...(await client.searchUsers({ anyOf, sort, first: page * PAGE_LIMIT, limit: PAGE_LIMIT })));
      report.requests += 1;
    }
    const changedRows = await writeRows(db, all.map((user) => toRow(tenant, user, state.run)));
    report.written = all.length;
    agrees = (await db.$count(indexedUsers, eq(indexedUsers.tenant, tenant))) === total;
    const fresh = { refreshedAt: started, watermark: started, lastError: null };
    // The version says the rows changed: counts remembered for it stay good when none did.
    if (changedRows > 0) await bumpVersion(db, tenant, fresh);
    else await db.update(userIndexState).set(fresh).where(eq(userIndexState.tenant, tenant));
  } catch (error) {
    await releaseLease(db, tenant, owner, { lastError: error instanceof Error ? error.message : String(error) });
    throw error;
  }
  await releaseLease(db, tenant, owner, {});
  if (agrees) return report;
  // Someone was deleted (or a change slipped past the refresh): read everyone again.
  const build = await buildIndex(deps, owner, leaseMs);
  return { ...build, requests: build.requests + report.requests };
}
