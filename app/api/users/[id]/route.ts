import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { appDeps } from "@/lib/offboarding/deps";
import { getUserRow, userParamsSchema } from "@/lib/offboarding/list-users";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** GET /api/users/{id} — one user, with protection and deactivation record. */
export function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const { id } = userParamsSchema.parse(await context.params);
    const user = await getUserRow(await appDeps(), id, request.signal);
    return NextResponse.json(user, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
