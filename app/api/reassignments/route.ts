import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { appDeps } from "@/lib/offboarding/deps";
import { getReassignment, requestReassignment, startRun } from "@/lib/reassign";
import { createReassignmentBodySchema } from "@/lib/reassign/schemas";

export const dynamic = "force-dynamic";

/**
 * POST /api/reassignments {leavers: [{leaverId, successorId?, successors?: {<category>: id}}], categories?, reason, ticket?}
 * → 202 {reassignment}: stored, then handed to Workfront in the background (GET it for progress).
 * A bad successor (unknown, inactive, the leaver, another leaver here, in an unfinished deactivation
 * job or with an open schedule) is a 4xx and writes nothing.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("deactivate");
    const body = await readJson(request, createReassignmentBodySchema, { maxBytes: 256 * 1024 });
    const deps = await appDeps();
    const id = await requestReassignment(deps, {
      leavers: body.leavers,
      categories: body.categories,
      actor: { accountId: user.id, email: user.email, role: user.role, tokenId: user.token?.id ?? null },
      reason: body.reason,
      ticket: body.ticket || null,
      requestId: requestId(),
      clientIp: clientAddress(request.headers),
    });
    void startRun({ db: deps.db, client: deps.client }, id);
    return NextResponse.json({ reassignment: await getReassignment(await getDb(), id) }, { status: 202 });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
