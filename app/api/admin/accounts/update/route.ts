import { NextResponse } from "next/server";
import { accountUpdateSchema, changeAccount } from "@/lib/admin/accounts";
import { actorOf } from "@/lib/admin/admin-log";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/**
 * POST /api/admin/accounts/update {email, role?, disabled?}: changes another account's role or
 * status (every session of it ends at once); 409 own_account for the caller's own.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageAccounts");
    const input = await readJson(request, accountUpdateSchema, { maxBytes: 1024 });
    await changeAccount(await getDb(), actorOf(user, requestId(), clientAddress(request.headers)), input);
    return NextResponse.json({ email: input.email }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
