import { NextResponse } from "next/server";
import { actorOf } from "@/lib/admin/admin-log";
import { removeProtectedPerson, removeProtectedSchema } from "@/lib/admin/protected-people";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";

export const dynamic = "force-dynamic";

/** POST /api/admin/protected/remove {workfrontId, reason}: takes a person off the app's list (PROTECTED_USERS stays). */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageAccounts");
    const input = await readJson(request, removeProtectedSchema, { maxBytes: 1024 });
    await removeProtectedPerson(await getDb(), actorOf(user, requestId(), clientAddress(request.headers)), input);
    return NextResponse.json({ workfrontId: input.workfrontId }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
