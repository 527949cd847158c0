import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { queryObject } from "@/lib/http/search-params";
import { appDeps } from "@/lib/offboarding/deps";
import { listUsers, userListQuerySchema } from "@/lib/offboarding/list-users";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/users?q=&status=active|deactivated|all&sort=&dir=&page=&pageSize= */
export function GET(request: NextRequest) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const query = userListQuerySchema.parse(queryObject(request.nextUrl.searchParams));
    const page = await listUsers(await appDeps(), query, request.signal);
    return NextResponse.json(page, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
