import { requireApiUser } from "@/lib/auth/session";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { resumeJob } from "@/lib/jobs/actions";
import { wakeAppWorker } from "@/lib/jobs/app-worker";
import { jobActor } from "@/lib/jobs/http";
import { jobIdFrom, jobResponse } from "@/lib/jobs/routes";
import { emptyBodySchema } from "@/lib/jobs/schemas";
import { appDeps } from "@/lib/offboarding/deps";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/**
 * POST /api/jobs/{id}/resume (no body) → JobDetailDto. Tries the Workfront credential now; a job
 * paused for it goes back to work. 503 workfront_auth while Workfront still refuses it.
 */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    const id = await jobIdFrom(context);
    await readJson(request, emptyBodySchema, { maxBytes: 1024, optional: true });
    const { db, client } = await appDeps();
    await resumeJob(db, client, id, jobActor(user, request));
    wakeAppWorker();
    return jobResponse(id);
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
