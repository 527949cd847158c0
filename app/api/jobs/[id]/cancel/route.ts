import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { cancelJob } from "@/lib/jobs/actions";
import { jobActor } from "@/lib/jobs/http";
import { jobIdFrom, jobResponse } from "@/lib/jobs/routes";
import { emptyBodySchema } from "@/lib/jobs/schemas";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** POST /api/jobs/{id}/cancel (no body) → JobDetailDto. No new person starts; finished ones stay. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    const id = await jobIdFrom(context);
    await readJson(request, emptyBodySchema, { maxBytes: 1024, optional: true });
    await cancelJob(await getDb(), id, jobActor(user, request));
    return jobResponse(id);
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
