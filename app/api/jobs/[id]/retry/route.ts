import { authorize, requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { ApiError, respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { retryFailed } from "@/lib/jobs/actions";
import { wakeAppWorker } from "@/lib/jobs/app-worker";
import { jobActor } from "@/lib/jobs/http";
import { findJob } from "@/lib/jobs/queries";
import { jobIdFrom, jobResponse } from "@/lib/jobs/routes";
import { emptyBodySchema } from "@/lib/jobs/schemas";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** POST /api/jobs/{id}/retry (no body) → JobDetailDto. Failed people go back to pending. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    const id = await jobIdFrom(context);
    await readJson(request, emptyBodySchema, { maxBytes: 1024, optional: true });
    const db = await getDb();
    const job = await findJob(db, id);
    if (!job) throw new ApiError(404, "job_not_found", "There is no such job.");
    authorize(user, job.kind);
    await retryFailed(db, id, jobActor(user, request));
    wakeAppWorker();
    return jobResponse(id);
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
