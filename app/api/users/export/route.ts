import type { NextRequest } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { csvHeaders } from "@/lib/csv-format";
import { env } from "@/lib/env";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { queryObject } from "@/lib/http/search-params";
import { requestLocale } from "@/lib/i18n/request-locale";
import { appDeps } from "@/lib/offboarding/deps";
import { assertKnownFilters } from "@/lib/offboarding/known-filters";
import { indexState, tenantOf } from "@/lib/user-index";
import { usersCsv, usersExportQuerySchema } from "@/lib/user-index/export";

export const dynamic = "force-dynamic";

/**
 * GET /api/users/export?q=&status=&license=…&locale=en|de: everyone the users page's filters
 * match, as a streamed CSV download (the audit CSV's conventions). More than USERS_EXPORT_MAX
 * people: 422 export_too_large, before the first byte.
 */
export function GET(request: NextRequest) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const { locale: chosen, ...filter } = usersExportQuerySchema.parse(queryObject(request.nextUrl.searchParams));
    const deps = await appDeps();
    await assertKnownFilters(deps, filter);
    const tenant = tenantOf(deps.client);
    if (!(await indexState(deps.db, tenant))) {
      throw new ApiError(503, "index_not_ready", "The list of Workfront users is still being read for the first time; export works once it is done.");
    }
    const locale = chosen ?? (await requestLocale());
    const body = await usersCsv(deps.db, tenant, filter, locale, env().USERS_EXPORT_MAX);
    const stamp = new Date().toISOString().slice(0, 10);
    return new Response(body, { headers: csvHeaders(`wf-offboard-users-${stamp}.csv`, locale) });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
