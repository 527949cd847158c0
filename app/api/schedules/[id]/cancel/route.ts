import { NextResponse } from "next/server";
import { requireApiUser } from "@/lib/auth/session";
import { databaseNow, getDb } from "@/lib/db";
import { respond } from "@/lib/http/errors";
import { otherMethods } from "@/lib/http/methods";
import { assertSameOrigin, clientAddress, readJson, requestId } from "@/lib/http/request";
import { toScheduleDto } from "@/lib/schedule/dto";
import { emptyBodySchema, scheduleParamsSchema } from "@/lib/schedule/schemas";
import { scheduleActor } from "@/lib/schedule/service";
import { cancelSchedule } from "@/lib/schedule/store";

export const dynamic = "force-dynamic";

/** POST /api/schedules/{id}/cancel {} → {schedule}: until the runner starts it (409 after). Audited. */
export function POST(request: Request, context: { params: Promise<{ id: string }> }) {
  return respond(async () => {
    assertSameOrigin(request);
    const user = await requireApiUser("deactivate");
    const { id } = scheduleParamsSchema.parse(await context.params);
    await readJson(request, emptyBodySchema);
    const db = await getDb();
    const row = await cancelSchedule(db, id, scheduleActor(user, requestId(), clientAddress(request.headers)));
    return NextResponse.json({ schedule: toScheduleDto(row, await databaseNow(db)) });
  });
}

/** Other methods: a JSON 405 (lib/http/methods.ts). */
export const { GET, PUT, PATCH, DELETE } = otherMethods("POST");
