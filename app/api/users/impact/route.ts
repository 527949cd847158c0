import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { appDeps } from "@/lib/offboarding/deps";
import { checkPeople } from "@/lib/offboarding/impact";
import { impactManyBodySchema } from "@/lib/offboarding/impact/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/impact {userIds} → {people: {<id>: {counts, total, blocking, unavailable}}}: what
 * many people still hold, counted with a grouped report per category (for a bulk dry run or an
 * import preview). Read-only; POST only because the list is long.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    await requireApiUser("viewUsers");
    const body = await readJson(request, impactManyBodySchema, { maxBytes: 512 * 1024 });
    const { client } = await appDeps();
    const people = Object.fromEntries(await checkPeople(client, body.userIds));
    return NextResponse.json({ people }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
