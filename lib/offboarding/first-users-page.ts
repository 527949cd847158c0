import "server-only";
import { type UserFilters, appendFilterParams } from "@/lib/client/user-filters";
import { type UserSearch, toApiParams } from "@/lib/client/user-search";
import { queryObject } from "@/lib/http/search-params";
import { logger } from "@/lib/logger";
import { indexState, tenantOf } from "@/lib/user-index";
import { appDeps } from "./deps";
import { listUsers, userListQuerySchema } from "./list-users";
import type { UserListPage } from "./user-dto";

/** Longer than a page read from the index takes; past it the page is sent and the browser asks. */
const WAIT_MS = 400;

/**
 * The rows the users page opens with, read while the server renders it, so they arrive with the
 * page instead of after it has loaded and asked /api/users. Only from the index: until it is built
 * the list comes from Workfront, and the page should not wait for that. Null when there is nothing
 * quick to send (no index, a refused filter, no connection, slow): the browser then asks as before,
 * and shows whatever error the route gives. The query is the one the browser would send.
 */
export async function firstUsersPage(search: UserSearch, filters: UserFilters): Promise<UserListPage | null> {
  let timer: NodeJS.Timeout | undefined;
  const read = async (): Promise<UserListPage | null> => {
    const query = userListQuerySchema.safeParse(queryObject(appendFilterParams(toApiParams(search), filters)));
    if (!query.success) return null;
    const deps = await appDeps();
    if (!(await indexState(deps.db, tenantOf(deps.client)))) return null;
    return listUsers(deps, query.data);
  };
  try {
    return await Promise.race([read(), new Promise<null>((resolve) => (timer = setTimeout(resolve, WAIT_MS, null)))]);
  } catch (error) {
    logger.debug({ err: error }, "users page: no first rows from the server; the browser asks");
    return null;
  } finally {
    clearTimeout(timer);
  }
}
