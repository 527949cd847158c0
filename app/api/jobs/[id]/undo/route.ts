import { authorize, requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { undoJob } from "@/lib/jobs/actions";
import { wakeAppWorker } from "@/lib/jobs/app-worker";
import { bulkRules } from "@/lib/jobs/config";
import { jobActor } from "@/lib/jobs/http";
import { jobIdFrom, jobResponse } from "@/lib/jobs/routes";
import { undoJobBodySchema } from "@/lib/jobs/schemas";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * POST /api/jobs/{id}/undo {reason?, ticket?, confirmCount?} → 201 JobDetailDto of the new
 * reactivation job (undoOf = id) for the people this job deactivated.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    const id = await jobIdFrom(context);
    const body = await readJson(request, undoJobBodySchema, { maxBytes: 8 * 1024, optional: true });
    authorize(user, "reactivate");
    const undoId = await undoJob(await getDb(), id, jobActor(user, request), body, bulkRules());
    wakeAppWorker();
    return jobResponse(undoId, { status: 201 });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
