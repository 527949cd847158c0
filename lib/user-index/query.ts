import "server-only";
import { type SQL, and, asc, count, desc, eq, getTableColumns, inArray, isNull, lt, or, sql } from "drizzle-orm";
import { z } from "zod";
import { type Database, indexedUsers, userIndexState } from "@/lib/db";
import { workfrontIdSchema } from "@/lib/workfront";
import { searchWords } from "./fold";
import type { IndexedUserRow } from "./rows";

/**
 * The users list read from the index: search in any word order, accents and case aside; filters
 * that Workfront's own search could not combine cheaply; sorts with a stable tie-break; totals.
 */
const ids = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(workfrontIdSchema).max(50));
const codes = z.preprocess((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]), z.array(z.string().trim().min(1).max(100)).max(20));

export const INDEX_SORTS = ["name", "email", "lastLogin", "deactivated", "created"] as const;

export const indexFilterShape = {
  q: z.string().trim().max(200, "at most 200 characters").default(""),
  status: z.enum(["active", "deactivated", "all"]).default("active"),
  license: codes,
  accessLevel: ids,
  group: ids,
  company: ids,
  manager: ids,
  /** Last signed in more than this many days ago, or never. */
  lastLoginOlderThan: z.coerce.number().int().min(1).max(36_500).optional(),
  /** Only people who never signed in. */
  neverSignedIn: z
    .enum(["true", "false"])
    .transform((value) => value === "true")
    .optional(),
  /** Created before this day (YYYY-MM-DD, UTC midnight). */
  createdBefore: z.iso.date().optional(),
};

export const indexFilterSchema = z.object(indexFilterShape).strict();
export type IndexFilter = z.infer<typeof indexFilterSchema>;

export const indexListQuerySchema = z
  .object({
    ...indexFilterShape,
    sort: z.enum(INDEX_SORTS).default("name"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .refine((size) => [25, 50, 100, 200].includes(size), "one of 25, 50, 100, 200")
      .default(25),
  })
  .strict();
export type IndexListQuery = z.infer<typeof indexListQuerySchema>;

/**
 * A search word anywhere in a person's folded text. Three letters or more: LIKE, which the trigram
 * index answers; shorter words have no trigram to look up, so they are checked on the rows the
 * other conditions (or a sort index) lead to. Folded words hold no LIKE wildcards, escaped anyway.
 */
function containsWord(word: string): SQL {
  if (word.length < 3) return sql`strpos(${indexedUsers.searchText}, ${word}) > 0`;
  return sql`${indexedUsers.searchText} like ${`%${word.replace(/[\\%_]/g, "\\$&")}%`}`;
}

/** The SQL for a filter, for one tenant. Every value is a bound parameter. */
export function whereOf(tenant: string, filter: IndexFilter, now = new Date()): SQL {
  const t = indexedUsers;
  const conditions: (SQL | undefined)[] = [eq(t.tenant, tenant)];
  if (filter.status !== "all") conditions.push(eq(t.isActive, filter.status === "active"));
  for (const word of searchWords(filter.q)) conditions.push(containsWord(word));
  if (filter.license.length) conditions.push(inArray(t.licenseType, filter.license));
  if (filter.accessLevel.length) conditions.push(inArray(t.accessLevelId, filter.accessLevel));
  if (filter.group.length) conditions.push(inArray(t.homeGroupId, filter.group));
  if (filter.company.length) conditions.push(inArray(t.companyId, filter.company));
  if (filter.manager.length) conditions.push(inArray(t.managerId, filter.manager));
  if (filter.neverSignedIn) conditions.push(isNull(t.lastLoginAt));
  if (filter.lastLoginOlderThan !== undefined) {
    const before = new Date(now.getTime() - filter.lastLoginOlderThan * 86_400_000);
    conditions.push(or(isNull(t.lastLoginAt), lt(t.lastLoginAt, before)));
  }
  if (filter.createdBefore) conditions.push(lt(t.createdAt, new Date(`${filter.createdBefore}T00:00:00.000Z`)));
  return and(...conditions)!;
}

const SORT_COLUMNS = {
  name: indexedUsers.sortName,
  email: indexedUsers.email,
  lastLogin: indexedUsers.lastLoginAt,
  deactivated: indexedUsers.deactivatedAt,
  created: indexedUsers.createdAt,
} as const;

/**
 * ID breaks ties, so pages never skip or repeat anyone; "never" is the oldest last login. A
 * descending sort is the ascending one reversed, ties included, so both read one index (schema).
 */
export function orderOf(query: Pick<IndexListQuery, "sort" | "dir">): SQL[] {
  const column = SORT_COLUMNS[query.sort];
  return query.dir === "asc"
    ? [sql`${asc(column)} nulls first`, asc(indexedUsers.id)]
    : [sql`${desc(column)} nulls last`, desc(indexedUsers.id)];
}

export interface IndexState {
  /** Bumped on every change to the tenant's rows. */
  version: number;
  builtAt: Date;
  /** When it last matched Workfront (a full read or a refresh). */
  refreshedAt: Date;
}

/** The tenant's index, or null while it has none yet (the first full read has not ended). */
export async function indexState(db: Database, tenant: string): Promise<IndexState | null> {
  const [state] = await db
    .select({ version: userIndexState.version, builtAt: userIndexState.builtAt, refreshedAt: userIndexState.refreshedAt })
    .from(userIndexState)
    .where(eq(userIndexState.tenant, tenant));
  return state?.builtAt ? { version: state.version, builtAt: state.builtAt, refreshedAt: state.refreshedAt ?? state.builtAt } : null;
}

// Totals are remembered per filter until the index changes (its version), so paging and sorting a
// list of 100,000 people does not count them again each time. Per process, at most 500 filters.
const totals = new Map<string, { version: number; total: number }>();

/** Active and deactivated people a filter matches, in one pass; remembered as countIndexed's. */
export async function countIndexedByStatus(
  db: Database,
  tenant: string,
  filter: Omit<IndexFilter, "status">,
  version: number,
  now = new Date(),
): Promise<{ active: number; deactivated: number }> {
  const keys = { active: totalKey(tenant, { ...filter, status: "active" }, now), deactivated: totalKey(tenant, { ...filter, status: "deactivated" }, now) };
  const [active, deactivated] = [totals.get(keys.active), totals.get(keys.deactivated)];
  if (active?.version === version && deactivated?.version === version) return { active: active.total, deactivated: deactivated.total };
  const [row] = await db
    .select({ active: sql<number>`count(*) filter (where ${indexedUsers.isActive})::int`, deactivated: sql<number>`count(*) filter (where not ${indexedUsers.isActive})::int` })
    .from(indexedUsers)
    .where(whereOf(tenant, { ...filter, status: "all" }, now));
  remember(keys.active, version, row!.active);
  remember(keys.deactivated, version, row!.deactivated);
  return { active: row!.active, deactivated: row!.deactivated };
}

function totalKey(tenant: string, filter: IndexFilter, now: Date): string {
  return JSON.stringify([tenant, filter, filter.lastLoginOlderThan === undefined ? null : now.toISOString().slice(0, 13)]);
}

function remember(key: string, version: number, total: number): void {
  if (totals.size >= 500) totals.delete(totals.keys().next().value!);
  totals.set(key, { version, total });
}

export async function countIndexed(db: Database, tenant: string, filter: IndexFilter, version: number, now = new Date()): Promise<number> {
  const key = totalKey(tenant, filter, now);
  const known = totals.get(key);
  if (known?.version === version) return known.total;
  const [row] = await db.select({ total: count() }).from(indexedUsers).where(whereOf(tenant, filter, now));
  remember(key, version, row!.total);
  return row!.total;
}

/**
 * A page of the list. With a search, in two steps: the keys of its rows from the sort's index,
 * which holds the status, licence and search text, so the words are tested in the index itself
 * (an index-only scan, schema); then those rows by primary key. In one step PostgreSQL fetched
 * every row it walked past from the table to test it: for a frequent word ("anna"), thousands of
 * random table pages for 25 rows. Without a search one step is as quick and plans faster.
 */
export function pageOf(db: Database, tenant: string, query: IndexListQuery, now = new Date()) {
  const where = whereOf(tenant, query, now);
  const [limit, offset] = [query.pageSize, (query.page - 1) * query.pageSize];
  if (searchWords(query.q).length === 0) return db.select().from(indexedUsers).where(where).orderBy(...orderOf(query)).limit(limit).offset(offset);
  const keys = db
    .select({ tenant: indexedUsers.tenant, id: indexedUsers.id })
    .from(indexedUsers)
    .where(where)
    .orderBy(...orderOf(query))
    .limit(limit)
    .offset(offset)
    .as("page_keys");
  return db
    .select(getTableColumns(indexedUsers))
    .from(keys)
    .innerJoin(indexedUsers, and(eq(indexedUsers.tenant, keys.tenant), eq(indexedUsers.id, keys.id)))
    .orderBy(...orderOf(query));
}

export async function listIndexed(db: Database, tenant: string, query: IndexListQuery, version: number, now = new Date()): Promise<{ rows: IndexedUserRow[]; total: number }> {
  const [rows, total] = await Promise.all([pageOf(db, tenant, query, now), countIndexed(db, tenant, query, version, now)]);
  return { rows, total };
}

/** Everyone a filter matches, in ID order, up to `max` (null when more match). */
export async function idsMatching(db: Database, tenant: string, filter: IndexFilter, max: number): Promise<{ total: number; rows: IndexedUserRow[] | null }> {
  const rows = await db.select().from(indexedUsers).where(whereOf(tenant, filter)).orderBy(asc(indexedUsers.id)).limit(max + 1);
  return rows.length > max ? { total: await db.$count(indexedUsers, whereOf(tenant, filter)), rows: null } : { total: rows.length, rows };
}
