import { NextResponse } from "next/server";
import { z } from "zod";
import { authorize, requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { appDeps } from "@/lib/offboarding/deps";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { type StatusAction, changeUserStatus } from "@/lib/offboarding/change-status";
import { userParamsSchema } from "@/lib/offboarding/list-users";

const deactivateBodySchema = z
  .object({
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
    ticket: z.string().trim().max(100, "at most 100 characters").optional(),
    // Admins only: deactivate an account on the configured protected list on purpose (audited).
    overrideProtection: z.literal(true).optional(),
  })
  .strict();

// Nothing protects a user from reactivation: there the flag is an unknown field (400).
const bodySchemas = {
  deactivate: deactivateBodySchema,
  reactivate: deactivateBodySchema.omit({ overrideProtection: true }).strict(),
} satisfies Record<StatusAction, z.ZodType>;

/** The deactivate and reactivate routes: authenticate and authorize → parse → act → DTO. */
export function statusChangeHandler(action: StatusAction) {
  return (request: Request, context: { params: Promise<{ id: string }> }) =>
    respond(async () => {
      assertSameOrigin(request);
      const actor = await requireApiUser(action);
      const { id } = userParamsSchema.parse(await context.params);
      const body: z.infer<typeof deactivateBodySchema> = await readJson(request, bodySchemas[action]);
      if (body.overrideProtection) authorize(actor, "overrideProtection");
      const user = await changeUserStatus(await appDeps(), {
        action,
        targetId: id,
        reason: body.reason,
        ticket: body.ticket || null,
        overrideProtection: body.overrideProtection,
        actor,
        requestId: requestId(),
        clientIp: clientAddress(request.headers),
      });
      return NextResponse.json({ user });
    });
}
