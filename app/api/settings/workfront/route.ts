import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { appConnection, connectInputSchema, connectWorkfront, disconnectWorkfront } from "@/lib/connection";
import { appConnectionStatus, connectionActor, wakeAfterConnectionChange } from "@/lib/connection/http";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

const noStore = { "cache-control": "no-store" };

/** GET /api/settings/workfront → ConnectionStatusDto (never a credential; at most its last four characters). */
export function GET() {
  return respond(async () => {
    await requireApiUser("manageSettings");
    return NextResponse.json(await appConnectionStatus(), { headers: noStore });
  });
}

/**
 * POST /api/settings/workfront {method: "password" | "api_key" | "oauth2", tenant, …} → the new
 * ConnectionStatusDto. The credential is tested first; a refusal is a 400 and stores nothing.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageSettings");
    const input = await readJson(request, connectInputSchema, { maxBytes: 32 * 1024 });
    await connectWorkfront(await appConnection(), input, connectionActor(user, request));
    wakeAfterConnectionChange();
    return NextResponse.json(await appConnectionStatus(), { headers: noStore });
  });
}

/** DELETE /api/settings/workfront → {result: DisconnectResultDto, status}. Clears an API key in Workfront first. */
export function DELETE(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("manageSettings");
    const result = await disconnectWorkfront(await appConnection(), connectionActor(user, request));
    return NextResponse.json({ result, status: await appConnectionStatus() }, { headers: noStore });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH } = otherMethods("GET", "POST", "DELETE");
