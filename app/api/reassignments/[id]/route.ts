import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { getReassignment } from "@/lib/reassign";
import { reassignmentParamsSchema } from "@/lib/reassign/schemas";

export const dynamic = "force-dynamic";

/** GET /api/reassignments/{id} → {reassignment}: status and items by state. */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    await requireApiUser("viewAudit");
    const { id } = reassignmentParamsSchema.parse(await context.params);
    const reassignment = await getReassignment(await getDb(), id);
    if (!reassignment) throw new ApiError(404, "not_found", "No such reassignment.");
    return NextResponse.json({ reassignment }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
