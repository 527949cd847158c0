import { NextResponse } from "next/server";
import { authorize, requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { appDeps } from "@/lib/offboarding/deps";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { type StatusAction, changeUserStatus } from "@/lib/offboarding/change-status";
import { userParamsSchema } from "@/lib/offboarding/list-users";
import { type StatusChangeBody, statusChangeBodySchemas } from "@/lib/offboarding/status-change-schemas";

/** The deactivate and reactivate routes: authenticate and authorize → parse → act → DTO. */
export function statusChangeHandler(action: StatusAction) {
  return (request: Request, context: { params: Promise<{ id: string }> }) =>
    respond(async () => {
      assertSameOrigin(request);
      const actor = await requireApiUser(action);
      const { id } = userParamsSchema.parse(await context.params);
      const body: StatusChangeBody = await readJson(request, statusChangeBodySchemas[action]);
      if (body.overrideProtection) authorize(actor, "overrideProtection");
      if (body.overrideOpenWork) authorize(actor, "overrideOpenWork");
      const user = await changeUserStatus(await appDeps(), {
        action,
        targetId: id,
        reason: body.reason,
        ticket: body.ticket || null,
        overrideProtection: body.overrideProtection,
        overrideOpenWork: body.overrideOpenWork ?? null,
        actor,
        requestId: requestId(),
        clientIp: clientAddress(request.headers),
      });
      return NextResponse.json({ user });
    });
}
