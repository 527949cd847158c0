import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { appDeps } from "@/lib/offboarding/deps";
import { checkPerson, withLinks } from "@/lib/offboarding/impact";
import { userParamsSchema } from "@/lib/offboarding/list-users";

export const dynamic = "force-dynamic";

/** GET /api/users/{id}/impact — what the person still holds in Workfront, by category (read-only). */
export function GET(_request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const { id } = userParamsSchema.parse(await context.params);
    const { client } = await appDeps();
    // Reading the person first turns an unknown ID into a 404 rather than an empty check.
    await client.getUser(id);
    const impact = withLinks(client.apiBase, await checkPerson(client, id));
    return NextResponse.json({ impact }, { headers: { "cache-control": "no-store" } });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, PATCH, DELETE } = otherMethods("GET");
