import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { databaseNow, getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError, respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { wakeScheduleRunner } from "@/lib/jobs/app-worker";
import { toScheduleDto } from "@/lib/schedule/dto";
import { editScheduleBodySchema, scheduleParamsSchema } from "@/lib/schedule/schemas";
import { changeSchedule, scheduleActor } from "@/lib/schedule/service";
import { getSchedule } from "@/lib/schedule/store";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };

/** GET /api/schedules/{id} → {schedule: ScheduleDto}. */
export function GET(_request: Request, context: Context) {
  return respond(async () => {
    await requireApiUser("viewUsers");
    const { id } = scheduleParamsSchema.parse(await context.params);
    const db = await getDb();
    const row = await getSchedule(db, id);
    if (!row) throw new ApiError(404, "schedule_not_found", "No such scheduled deactivation.");
    return NextResponse.json({ schedule: toScheduleDto(row, await databaseNow(db)) }, { headers: { "cache-control": "no-store" } });
  });
}

/**
 * PATCH /api/schedules/{id} {when?, policy?, reason?, ticket?} → {schedule}: until the runner starts
 * it (409 `schedule_started` after); a held schedule edited is planned again. Audited.
 */
export function PATCH(request: Request, context: Context) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("deactivate");
    const { id } = scheduleParamsSchema.parse(await context.params);
    const body = await readJson(request, editScheduleBodySchema);
    const actor = scheduleActor(user, requestId(), clientAddress(request.headers));
    const schedule = await changeSchedule(await getDb(), id, body, actor, env().APP_TIME_ZONE);
    wakeScheduleRunner();
    return NextResponse.json({ schedule });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { POST, PUT, DELETE } = otherMethods("GET", "PATCH");
