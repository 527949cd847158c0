import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { queryObject } from "@/lib/http/search-params";
import { appDeps } from "@/lib/offboarding/deps";
import { countUsersByStatus, userCountsQuerySchema } from "@/lib/offboarding/list-users";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/users/counts?q= — active and deactivated users matching the search, for the tabs. */
export function GET(request: NextRequest) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const filter = userCountsQuerySchema.parse(queryObject(request.nextUrl.searchParams));
    const counts = await countUsersByStatus(await appDeps(), filter, request.signal);
    return NextResponse.json(counts, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
