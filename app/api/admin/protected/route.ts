import { NextResponse } from "next/server";
import { actorOf } from "@/lib/admin/admin-log";
import { addProtectedPerson, addProtectedSchema, listProtectedPeople } from "@/lib/admin/protected-people";
import { requireApiUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { appDeps } from "@/lib/offboarding/deps";

export const dynamic = "force-dynamic";

/** GET /api/admin/protected → {locked: PROTECTED_USERS, people: the list kept in the app} (admins). */
export function GET() {
  return respond(async () => {
    await requireApiUser("manageAccounts");
    const { db } = await appDeps();
    return NextResponse.json({ locked: env().PROTECTED_USERS, people: await listProtectedPeople(db) }, { headers: { "cache-control": "no-store" } });
  });
}

/**
 * POST /api/admin/protected {person: ID or e-mail, reason}: reads the person from Workfront and adds
 * them; 422 person_not_found when the entry names nobody (nothing written), 409 already_protected.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageAccounts");
    const input = await readJson(request, addProtectedSchema, { maxBytes: 2048 });
    const { db, client } = await appDeps();
    const added = await addProtectedPerson(db, client, actorOf(user, requestId(), clientAddress(request.headers)), input);
    return NextResponse.json(added, { status: 201, headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
