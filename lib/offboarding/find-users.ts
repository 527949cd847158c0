import "server-only";
import { type Filter, type WorkfrontClient, type WorkfrontUser } from "@/lib/workfront";

/**
 * Looking people up in Workfront by ID, e-mail or username, for an import. IDs and e-mails are
 * searched with `in` filters, in groups that keep each URL well under Workfront's 8,892-byte cap.
 * Usernames cannot be filtered with a plain `username=` parameter (Workfront reads it as a login,
 * workfront-api.md §2.1), so those are matched by reading the whole tenant, 2,000 users a page.
 */
export const PAGE_LIMIT = 2000;
/** Bytes of filter values per search; with the fields list the URL stays near 6 KB. */
const URI_BUDGET = 5_000;
/** The biggest tenant read whole to match usernames. */
export const MAX_SCANNED_USERS = 100_000;

function groupsWithin(values: readonly string[], field: string): string[][] {
  const groups: string[][] = [];
  let group: string[] = [];
  let bytes = 0;
  for (const value of values) {
    const cost = field.length + 2 + encodeURIComponent(value).length;
    if (group.length > 0 && (bytes + cost > URI_BUDGET || group.length >= PAGE_LIMIT)) {
      groups.push(group);
      group = [];
      bytes = 0;
    }
    group.push(value);
    bytes += cost;
  }
  if (group.length > 0) groups.push(group);
  return groups;
}

async function searchIn(
  client: WorkfrontClient,
  field: string,
  op: "in" | "ciin",
  values: readonly string[],
  signal?: AbortSignal,
): Promise<WorkfrontUser[]> {
  const pages = await Promise.all(
    groupsWithin([...new Set(values)], field).map((group) => {
      const filters: Filter[] = [{ field, op, values: group }];
      return client.searchUsers({ filters, sort: [{ field: "ID", direction: "asc" }], limit: PAGE_LIMIT }, { signal });
    }),
  );
  return pages.flat();
}

export const findUsersByIds = (client: WorkfrontClient, ids: readonly string[], signal?: AbortSignal) =>
  searchIn(client, "ID", "in", ids, signal);

/** Case-insensitive: HR's spreadsheet rarely has Workfront's capitals. */
export const findUsersByEmails = (client: WorkfrontClient, emails: readonly string[], signal?: AbortSignal) =>
  searchIn(client, "emailAddr", "ciin", emails, signal);

/**
 * Every user matching `filters`, in ID order, 2,000 a page (the pages in parallel under the
 * client's cap). Null when more than `max` match: the caller says so rather than acting on part.
 */
export async function allUsers(
  client: WorkfrontClient,
  query: { filters?: readonly Filter[]; anyOf?: readonly (readonly Filter[])[] },
  max: number,
  signal?: AbortSignal,
): Promise<{ total: number; users: WorkfrontUser[] | null }> {
  const total = await client.countUsers(query, { signal });
  if (total > max) return { total, users: null };
  const sort = [{ field: "ID", direction: "asc" as const }];
  const pageCount = Math.max(1, Math.ceil(total / PAGE_LIMIT));
  const pages = await Promise.all(
    Array.from({ length: pageCount }, (_, page) =>
      client.searchUsers({ ...query, sort, first: page * PAGE_LIMIT, limit: PAGE_LIMIT }, { signal }),
    ),
  );
  // People added between the count and the pages: read on until a page is short. At exactly `max`
  // with the last page full, one more page says whether anyone is past it.
  for (let page = pageCount; pages[page - 1]?.length === PAGE_LIMIT && page * PAGE_LIMIT <= max; page += 1) {
    pages.push(await client.searchUsers({ ...query, sort, first: page * PAGE_LIMIT, limit: PAGE_LIMIT }, { signal }));
  }
  const byId = new Map<string, WorkfrontUser>();
  for (const user of pages.flat()) byId.set(user.id, user);
  const users = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (users.length > max) return { total: users.length, users: null };
  return { total: users.length, users };
}
