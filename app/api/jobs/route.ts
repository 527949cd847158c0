import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { authorize, requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { namesForNewJob } from "@/lib/jobs/target-names";
import { respond } from "@/lib/http/errors";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { assertRules, createJob } from "@/lib/jobs/actions";
import { gateJob } from "@/lib/jobs/open-work-gate";
import { wakeAppWorker } from "@/lib/jobs/app-worker";
import { bulkRules } from "@/lib/jobs/config";
import { dryRun } from "@/lib/jobs/dry-run";
import { jobActor } from "@/lib/jobs/http";
import { listJobs } from "@/lib/jobs/queries";
import { jobResponse } from "@/lib/jobs/routes";
import { createJobBodySchema, jobListQuerySchema } from "@/lib/jobs/schemas";
import { appDeps } from "@/lib/offboarding/deps";
import { assertNoSuccessorInJob } from "@/lib/reassign/successors-in-job";
import { otherMethods } from "@/lib/http/methods";

export const dynamic = "force-dynamic";

/** 10,000 IDs are about 350 KB of JSON. */
const MAX_BODY_BYTES = 1024 * 1024;

/** GET /api/jobs?page=&pageSize=25|50|100|200&status= → JobListDto, newest first. */
export function GET(request: NextRequest) {
  return respond(async () => {
    await requireApiUser("viewAudit");
    const query = jobListQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    const page = await listJobs(await getDb(), query);
    return NextResponse.json(page, { headers: { "cache-control": "no-store" } });
  });
}

/**
 * POST /api/jobs {kind, userIds, reason, ticket?, confirmCount?, dryRun?}
 * → 201 JobDetailDto, or 200 DryRunDto with dryRun: true (nothing is changed or stored).
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    const body = await readJson(request, createJobBodySchema, { maxBytes: MAX_BODY_BYTES });
    authorize(user, body.kind);
    if (body.overrideOpenWork) authorize(user, "overrideOpenWork");
    if (body.dryRun) {
      const preview = await dryRun(
        await appDeps(),
        { kind: body.kind, userIds: body.userIds, confirmCount: body.confirmCount, role: user.role, includeAdmins: body.includeAdmins },
        bulkRules(),
      );
      return NextResponse.json(preview, { headers: { "cache-control": "no-store" } });
    }
    const db = await getDb();
    const actor = jobActor(user, request);
    assertRules(body.userIds.length, actor, body.confirmCount, bulkRules());
    const { client } = await appDeps();
    const names = await namesForNewJob(db, client, body.userIds);
    const gate = body.kind === "deactivate" ? await gateJob(client, body.userIds, names, body.overrideOpenWork ?? null) : undefined;
    if (body.kind === "deactivate") await assertNoSuccessorInJob({ db, client }, body.userIds);
    const id = await createJob(db, body, actor, bulkRules(), names, gate);
    wakeAppWorker();
    return jobResponse(id, { status: 201 });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
