import { NextResponse } from "next/server";
import { readAsApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { appDeps } from "@/lib/offboarding/deps";
import { getUserRow, userParamsSchema } from "@/lib/offboarding/list-users";

export const dynamic = "force-dynamic";

/** GET /api/users/{id} — one user, with protection and deactivation record. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    const { id } = userParamsSchema.parse(await context.params);
    const user = await readAsApiUser("viewUsers", async (signal) => getUserRow(await appDeps(), id, signal), request.signal);
    return NextResponse.json(user, { headers: { "cache-control": "no-store" } });
  });
}
