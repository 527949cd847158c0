import { NextResponse } from "next/server";
import { z } from "zod";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { appDeps } from "@/lib/offboarding/deps";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { type StatusAction, changeUserStatus } from "@/lib/offboarding/change-status";
import { userParamsSchema } from "@/lib/offboarding/list-users";

const bodySchema = z
  .object({
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
    ticket: z.string().trim().max(100, "at most 100 characters").optional(),
  })
  .strict();

/** The deactivate and reactivate routes: parse → authenticate → authorize → act → DTO. */
export function statusChangeHandler(action: StatusAction) {
  return (request: Request, context: { params: Promise<{ id: string }> }) =>
    respond(async () => {
      assertSameOrigin(request);
      const { id } = userParamsSchema.parse(await context.params);
      const body = await readJson(request, bodySchema);
      const actor = await requireApiUser(action);
      const user = await changeUserStatus(await appDeps(), {
        action,
        targetId: id,
        reason: body.reason,
        ticket: body.ticket || null,
        actor,
        requestId: requestId(request.headers),
        clientIp: clientAddress(request.headers),
      });
      return NextResponse.json({ user });
    });
}
