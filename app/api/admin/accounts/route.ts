import { NextResponse } from "next/server";
import { inviteAccount, inviteSchema, listAccounts } from "@/lib/admin/accounts";
import { actorOf } from "@/lib/admin/admin-log";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/** GET /api/admin/accounts → the dashboard's accounts (admins). */
export function GET() {
  return respond(async () => {
    await requireApiUser("manageAccounts");
    return NextResponse.json({ accounts: await listAccounts(await getDb()) }, { headers: { "cache-control": "no-store" } });
  });
}

/** POST /api/admin/accounts {email, name?, role} → {email, password}: an invitation with a generated password, shown once. */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageAccounts");
    const input = await readJson(request, inviteSchema, { maxBytes: 2048 });
    const invited = await inviteAccount(await getDb(), actorOf(user, requestId(), clientAddress(request.headers)), input);
    return NextResponse.json(invited, { status: 201, headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
