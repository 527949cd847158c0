import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { wakeScheduleRunner } from "@/lib/jobs/app-worker";
import { appDeps } from "@/lib/offboarding/deps";
import { createSchedulesBodySchema, scheduleListQuerySchema } from "@/lib/schedule/schemas";
import { scheduleActor, scheduleDeactivations, scheduleList } from "@/lib/schedule/service";

export const dynamic = "force-dynamic";

/** 10,000 people with a day each are about 800 KB of JSON. */
const MAX_BODY_BYTES = 1024 * 1024;

/** GET /api/schedules?from=&to=&state=open|all|<state>&userId= → ScheduleListDto, soonest first. */
export function GET(request: NextRequest) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const query = scheduleListQuerySchema.parse(Object.fromEntries(request.nextUrl.searchParams));
    return NextResponse.json(await scheduleList(await getDb(), query, env().APP_TIME_ZONE), { headers: { "cache-control": "no-store" } });
  });
}

/**
 * POST /api/schedules {people: [{userId, day?, time?}], when?: {day, time?} | {dueAt}, policy?, reason, ticket?}
 * → 201 {schedules: ScheduleDto[]}. Each person is read from Workfront first (unknown: 404,
 * already inactive: 422); a time not in the future is 422 `due_in_past` (deactivate now instead).
 */
export function POST(request: Request) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("deactivate");
    const body = await readJson(request, createSchedulesBodySchema, { maxBytes: MAX_BODY_BYTES });
    const actor = scheduleActor(user, requestId(), clientAddress(request.headers));
    const schedules = await scheduleDeactivations(await appDeps(), body, user, actor, env().APP_TIME_ZONE);
    wakeScheduleRunner();
    return NextResponse.json({ schedules }, { status: 201 });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { PUT, PATCH, DELETE } = otherMethods("GET", "POST");
