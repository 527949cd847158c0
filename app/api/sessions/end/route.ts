import { NextResponse } from "next/server";
import { endSessionsBodySchema, endSessions, findAccountByEmail } from "@/lib/auth/accounts";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { actorOf, recordAdminEvent } from "@/lib/admin/admin-log";
import { logger } from "@/lib/logger";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * POST /api/sessions/end {email?} → {email}: "sign out everywhere". Ends every session of the
 * account at once, in every browser and script; the caller's own account without an e-mail
 * (their own session ends too). Admins only; written to the admin log (lib/admin).
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageAccounts");
    const { email } = await readJson(request, endSessionsBodySchema, { maxBytes: 1024, optional: true });
    const db = await getDb();
    const account = email === undefined ? user : await findAccountByEmail(db, email);
    if (!account) throw new ApiError(404, "account_not_found", "There is no account with this e-mail.");
    await endSessions(db, account.id);
    await recordAdminEvent(db, actorOf(user, requestId(), clientAddress(request.headers)), {
      action: "account_sessions_ended",
      subject: account.email,
      subjectName: account.name,
    });
    logger.info({ event: "end_sessions", actor: user.email, account: account.email, requestId: requestId() }, "sessions ended");
    return NextResponse.json({ email: account.email }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
