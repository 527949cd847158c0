import { NextResponse } from "next/server";
import { actorOf } from "@/lib/admin/admin-log";
import { createTokenSchema } from "@/lib/api-tokens/schemas";
import { createApiToken, listApiTokens } from "@/lib/api-tokens/store";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/** GET /api/admin/tokens → {tokens: ApiTokenDto[]} (admins; never the tokens themselves). */
export function GET() {
  return respond(async () => {
    await requireApiUser("manageTokens");
    return NextResponse.json({ tokens: await listApiTokens(await getDb()) }, { headers: { "cache-control": "no-store" } });
  });
}

/** POST /api/admin/tokens {name, role, expiresInDays?} → 201 CreatedApiTokenDto: the token, shown this once. */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageTokens");
    const input = await readJson(request, createTokenSchema, { maxBytes: 1024 });
    const created = await createApiToken(await getDb(), actorOf(user, requestId(), clientAddress(request.headers)), input);
    return NextResponse.json(created, { status: 201, headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
