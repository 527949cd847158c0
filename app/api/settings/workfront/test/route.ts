import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { appConnection, testConnection } from "@/lib/connection";
import { appConnectionStatus, connectionActor, wakeAfterConnectionChange } from "@/lib/connection/http";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * POST /api/settings/workfront/test (no body) → {test: TestResultDto, status}. A refused credential
 * is a result (ok: false) and switches the app to "reconnect"; a success ends that state.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageSettings");
    await readJson(request, z.object({}).strict(), { maxBytes: 1024, optional: true });
    const test = await testConnection(await appConnection(), connectionActor(user, request));
    if (test.ok) wakeAfterConnectionChange();
    return NextResponse.json({ test, status: await appConnectionStatus() }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
