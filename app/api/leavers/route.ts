import { NextResponse } from "next/server";
import { authorize, requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, readJson } from "@/lib/http/request";
import { wakeAppWorker } from "@/lib/jobs/app-worker";
import { bulkRules } from "@/lib/jobs/config";
import { jobActor } from "@/lib/jobs/http";
import { namesForNewJob } from "@/lib/jobs/target-names";
import { planFeed, runFeed } from "@/lib/leavers/feed";
import { gateFeed } from "@/lib/leavers/feed-gate";
import { dayIn } from "@/lib/time/zoned-day";
import { claimKey, idempotencyScope, releaseKey, requestHash } from "@/lib/leavers/idempotency";
import { IDEMPOTENCY_HEADER, idempotencyKeySchema, leaversBodySchema } from "@/lib/leavers/schemas";
import { appDeps } from "@/lib/offboarding/deps";

export const dynamic = "force-dynamic";

/** 10,000 people with e-mails and last days are well under 1 MB of JSON. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * POST /api/leavers {people: [{email | username | workfrontId, lastDay?}], reason, ticket?, confirmCount?, overrideOpenWork?}
 * with an Idempotency-Key header → 201 LeaversAnswerDto with the job created, or 200 when nobody
 * is to be deactivated now. Whoever POST /api/jobs's checks would refuse is left out of the job
 * and answered blocked_open_work or blocked_successor_in_job (lib/leavers/feed-gate.ts). The same key and body again → the same answer, nothing new (header
 * Idempotent-Replayed: true); the same key with another body → 422 idempotency_key_reused.
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("runBulkJobs");
    authorize(user, "deactivate");
    const key = idempotencyKeySchema.parse(request.headers.get(IDEMPOTENCY_HEADER) ?? undefined);
    const body = await readJson(request, leaversBodySchema, { maxBytes: MAX_BODY_BYTES });
    if (body.overrideOpenWork) authorize(user, "overrideOpenWork");
    const db = await getDb();
    const scope = idempotencyScope(user);
    const claim = await claimKey(db, scope, key, requestHash(body));
    if (claim.kind === "replay") {
      return NextResponse.json(claim.body, { status: claim.status, headers: { "cache-control": "no-store", "idempotent-replayed": "true" } });
    }
    try {
      const deps = await appDeps();
      const plan = await planFeed(deps, body, user.role, dayIn(new Date(), env().APP_TIME_ZONE), request.signal);
      const names = await namesForNewJob(db, deps.client, plan.now);
      const gated = await gateFeed({ db, client: deps.client }, plan, names, body.overrideOpenWork ?? null);
      const answer = await runFeed(db, gated, { scope, key, body, actor: jobActor(user, request), rules: bulkRules(), names, timeZone: env().APP_TIME_ZONE });
      if (answer.jobId) wakeAppWorker();
      return NextResponse.json(answer.body, {
        status: answer.status,
        headers: { "cache-control": "no-store", ...(answer.jobId ? { location: `/api/jobs/${answer.jobId}` } : {}) },
      });
    } catch (error) {
      await releaseKey(db, scope, key);
      throw error;
    }
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
