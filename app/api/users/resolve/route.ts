import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { appDeps } from "@/lib/offboarding/deps";
import { resolveSelection, resolveSelectionSchema } from "@/lib/offboarding/resolve-selection";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * POST /api/users/resolve {q, status} → ResolvedSelectionDto: everyone the users page's filter
 * matches ("Select all N matching this filter"), up to 10,000 (else complete: false, no users).
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    await requireApiUser("runBulkJobs");
    const query = await readJson(request, resolveSelectionSchema);
    const selection = await resolveSelection(await appDeps(), query, request.signal);
    return NextResponse.json(selection, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
