import "server-only";
import { and, sql } from "drizzle-orm";
import { CSV_DELIMITERS, csvLine, csvStream } from "@/lib/csv-format";
import { type Database, indexedUsers } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import type { Locale } from "@/lib/i18n/locales";
import { type Messages, catalogues } from "@/lib/i18n/messages";
import { licenceLabel } from "@/lib/offboarding/licence-labels";
import { namesOf } from "./facets";
import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";
import { type IndexFilter, indexFilterSchema, orderOf, whereOf } from "./query";
import type { IndexedUserRow } from "./rows";

/**
 * The users list, filtered as on the page, as CSV: the audit export's conventions (the reader's
 * header language and delimiter, a byte-order mark, formula-safe cells, codes and ISO times in
 * UTC). Streamed a page at a time in name order by keyset, so memory stays at one page.
 */
type ColumnName = keyof Messages["userTools"]["csv"];
type Cell = Parameters<typeof csvLine>[0][number];

/** What a row's cells are read with besides the row: managers' names, the tenant's licence names. */
interface Lookups {
  managers: Map<string, string>;
  licences: ReadonlyMap<string, string>;
}

const columns: [ColumnName, (row: IndexedUserRow, lookups: Lookups) => Cell][] = [
  ["id", (row) => row.id],
  ["name", (row) => row.name],
  ["email", (row) => row.email],
  ["username", (row) => row.username],
  ["title", (row) => row.title],
  ["is_active", (row) => row.isActive],
  ["license_type", (row) => row.licenseType],
  ["license", (row, { licences }) => licenceLabel(licences, row.licenseType)],
  ["access_level_id", (row) => row.accessLevelId],
  ["access_level", (row) => row.accessLevelName],
  ["home_group_id", (row) => row.homeGroupId],
  ["home_group", (row) => row.homeGroupName],
  ["company_id", (row) => row.companyId],
  ["company", (row) => row.companyName],
  ["manager_id", (row) => row.managerId],
  ["manager", (row, { managers }) => (row.managerId ? managers.get(row.managerId) : null)],
  ["created_at", (row) => row.createdAt],
  ["last_login_at", (row) => row.lastLoginAt],
  ["deactivated_at", (row) => row.deactivatedAt],
];

/** GET /api/users/export: the users page's filters, and the CSV's language. */
export const usersExportQuerySchema = indexFilterSchema.extend({ locale: z.enum(LOCALES).optional() });

export const USERS_CSV_COLUMNS = columns.map(([name]) => name);
const PAGE = 1_000;

export class ExportTooLargeError extends ApiError {
  constructor(total: number, max: number) {
    super(422, "export_too_large", `${total} people match; an export holds at most ${max}. Narrow the filters.`);
  }
}

export async function* usersCsvLines(
  db: Database,
  tenant: string,
  filter: IndexFilter,
  locale: Locale,
  now = new Date(),
  licences: ReadonlyMap<string, string> = new Map(),
): AsyncGenerator<string> {
  const names = catalogues[locale].userTools.csv;
  const delimiter = CSV_DELIMITERS[locale];
  yield csvLine(USERS_CSV_COLUMNS.map((name) => names[name]), delimiter);
  const where = whereOf(tenant, filter, now);
  let after: { sortName: string; id: string } | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(indexedUsers)
      .where(and(where, after && sql`(${indexedUsers.sortName}, ${indexedUsers.id}) > (${after.sortName}, ${after.id})`))
      .orderBy(...orderOf({ sort: "name", dir: "asc" }))
      .limit(PAGE);
    if (page.length === 0) return;
    const managers = await namesOf(db, tenant, page.flatMap((row) => (row.managerId ? [row.managerId] : [])));
    yield page.map((row) => csvLine(columns.map(([, read]) => read(row, { managers, licences })), delimiter)).join("");
    const last = page[page.length - 1]!;
    after = { sortName: last.sortName, id: last.id };
    if (page.length < PAGE) return;
  }
}

/** Counts first: beyond `max` it refuses before the first byte, so nobody gets half a list. */
export async function usersCsv(
  db: Database,
  tenant: string,
  filter: IndexFilter,
  locale: Locale,
  max: number,
  licences: ReadonlyMap<string, string> = new Map(),
): Promise<ReadableStream<Uint8Array>> {
  const total = await db.$count(indexedUsers, whereOf(tenant, filter));
  if (total > max) throw new ExportTooLargeError(total, max);
  return csvStream(usersCsvLines(db, tenant, filter, locale, new Date(), licences));
}
