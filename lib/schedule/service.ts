import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/roles";
import { type Database, databaseNow } from "@/lib/db";
import { ApiError } from "@/lib/http/errors";
import { bulkRules } from "@/lib/jobs/config";
import type { OffboardingDeps } from "@/lib/offboarding/deps";
import { startOfDay, endOfDay } from "@/lib/time/zoned-day";
import { MAX_OBJECTS_PER_REQUEST, type WorkfrontUser } from "@/lib/workfront";
import { dueAtFor } from "./due-time";
import { type ScheduleListDto, toScheduleDto } from "./dto";
import type { ScheduleActor } from "./events";
import type { CreateSchedulesBody, EditScheduleBody, ScheduleListQuery } from "./schemas";
import { countOverdue, createSchedules, editSchedule, listSchedules } from "./store";
import { OPEN_STATES, SCHEDULE_STATES, type ScheduleState } from "./vocabulary";

/** What the routes do: read the people from Workfront, work out due times, store, answer DTOs. */
export function scheduleActor(user: SessionUser, requestId: string, clientIp: string | null): ScheduleActor {
  return { accountId: user.id, email: user.email, role: user.role, requestId, clientIp };
}

type When = NonNullable<CreateSchedulesBody["when"]>;

/** An instant from `when`: a day (and time) on the organisation's clock, or an exact instant. */
export function instantOf(when: When | { day: string; time?: string }, timeZone: string): Date {
  return "dueAt" in when ? new Date(when.dueAt) : dueAtFor(when, timeZone);
}

/** Everyone named, as Workfront has them now: unknown people are a 404, inactive ones a 422. */
async function readPeople(deps: OffboardingDeps, ids: readonly string[]): Promise<Map<string, WorkfrontUser>> {
  const found = new Map<string, WorkfrontUser>();
  for (let i = 0; i < ids.length; i += MAX_OBJECTS_PER_REQUEST) {
    for (const user of await deps.client.getUsers(ids.slice(i, i + MAX_OBJECTS_PER_REQUEST))) found.set(user.id, user);
  }
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length) throw new ApiError(404, "not_found", `Workfront has no user ${missing.slice(0, 5).join(", ")}${missing.length > 5 ? ` and ${missing.length - 5} more` : ""}.`);
  const inactive = ids.filter((id) => !found.get(id)!.isActive);
  if (inactive.length) {
    throw new ApiError(422, "already_inactive", `${inactive.length === 1 ? "This person is" : `${inactive.length} of these people are`} already deactivated: nothing to schedule.`);
  }
  return found;
}

export async function scheduleDeactivations(deps: OffboardingDeps, body: CreateSchedulesBody, user: SessionUser, actor: ScheduleActor, timeZone: string) {
  const rules = bulkRules();
  if (body.people.length > rules.hardCap && !can(user.role, "manageSettings")) {
    throw new ApiError(403, "over_hard_cap", `More than ${rules.hardCap} people at once: only the admin role may schedule that many.`);
  }
  const ids = body.people.map((person) => person.userId);
  const dueOf = new Map(
    body.people.map((person) => [person.userId, person.day ? instantOf({ day: person.day, time: person.time }, timeZone) : instantOf(body.when!, timeZone)]),
  );
  // A time already past is refused before Workfront is asked anything (createSchedules checks again).
  const now = (await databaseNow(deps.db)).getTime();
  if ([...dueOf.values()].some((due) => due.getTime() <= now)) {
    throw new ApiError(422, "due_in_past", "The time is not in the future: deactivate now instead.");
  }
  const people = await readPeople(deps, ids);
  const rows = await createSchedules(deps.db, {
    targets: ids.map((id) => ({ id, name: people.get(id)!.name, email: people.get(id)!.email })),
    dueAt: (target) => dueOf.get(target.id)!,
    timeZone,
    policy: body.policy,
    reason: body.reason,
    ticket: body.ticket || null,
    sourceName: body.sourceName ?? null,
    actor,
  });
  const after = await databaseNow(deps.db);
  return rows.map((row) => toScheduleDto(row, after));
}

export async function changeSchedule(db: Database, id: string, body: EditScheduleBody, actor: ScheduleActor, timeZone: string) {
  const row = await editSchedule(
    db,
    id,
    {
      dueAt: body.when ? instantOf(body.when, timeZone) : undefined,
      policy: body.policy,
      reason: body.reason,
      ticket: body.ticket === undefined ? undefined : body.ticket || null,
    },
    actor,
  );
  return toScheduleDto(row, await databaseNow(db));
}

/** A day is the whole day in the zone; an instant is itself. */
const bound = (value: string | undefined, edge: "start" | "end", timeZone: string) =>
  value === undefined ? undefined : value.length === 10 ? (edge === "start" ? startOfDay(value, timeZone) : endOfDay(value, timeZone)) : new Date(value);

export async function scheduleList(db: Database, query: ScheduleListQuery, timeZone: string): Promise<ScheduleListDto> {
  const states: readonly ScheduleState[] | undefined =
    query.state === "open" ? OPEN_STATES : query.state === "all" ? undefined : SCHEDULE_STATES.filter((state) => state === query.state);
  const [rows, now, overdue] = await Promise.all([
    listSchedules(db, { from: bound(query.from, "start", timeZone), to: bound(query.to, "end", timeZone), states, targetId: query.userId, limit: 2_000 }),
    databaseNow(db),
    countOverdue(db),
  ]);
  return { schedules: rows.map((row) => toScheduleDto(row, now)), now: now.toISOString(), timeZone, overdue };
}
