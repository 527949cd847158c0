import { NextResponse } from "next/server";
import { actorOf } from "@/lib/admin/admin-log";
import { revokeTokenSchema } from "@/lib/api-tokens/schemas";
import { revokeApiToken } from "@/lib/api-tokens/store";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/** POST /api/admin/tokens/revoke {id} → ApiTokenDto with revokedAt: the token is refused (401) from now on. */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageTokens");
    const { id } = await readJson(request, revokeTokenSchema, { maxBytes: 256 });
    const revoked = await revokeApiToken(await getDb(), actorOf(user, requestId(), clientAddress(request.headers)), id);
    return NextResponse.json(revoked, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
