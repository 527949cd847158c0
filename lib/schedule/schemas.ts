import { z } from "zod";
import { workfrontIdSchema } from "@/lib/workfront/ids";
import { isCalendarDay, isTimeOfDay } from "./due-time";
import { SCHEDULE_POLICIES, SCHEDULE_STATES } from "./vocabulary";

/** Request bodies and query strings of /api/schedules, checked at the boundary. */
const reason = z.string().trim().min(3, "reason: at least 3 characters").max(500, "reason: at most 500 characters");
const ticket = z.string().trim().max(100, "ticket: at most 100 characters").optional();
const day = z.string().refine(isCalendarDay, "day: a calendar day as YYYY-MM-DD");
const time = z.string().refine(isTimeOfDay, "time: a time of day as HH:MM");

/** The most people one request schedules (the bulk hard cap's ceiling). */
export const MAX_SCHEDULE_PEOPLE = 10_000;

/**
 * When: a day (and maybe a time of day) on the organisation's clock (APP_TIME_ZONE; without a
 * time, the end of that day), or an exact instant (`dueAt`, ISO 8601 with an offset).
 */
const when = z.union([
  z.object({ day, time: time.optional() }).strict(),
  z.object({ dueAt: z.iso.datetime({ offset: true }) }).strict(),
]);

export const createSchedulesBodySchema = z
  .object({
    /** One person or many; each with their own time (an import), or all at `when`. */
    people: z
      .array(z.object({ userId: workfrontIdSchema, day: day.optional(), time: time.optional() }).strict())
      .min(1, "people: at least one person")
      .max(MAX_SCHEDULE_PEOPLE, `people: at most ${MAX_SCHEDULE_PEOPLE} people`),
    when: when.optional(),
    policy: z.enum(SCHEDULE_POLICIES).default("deactivate_anyway"),
    reason,
    ticket,
    /** The imported file's name, when the list came from one. */
    sourceName: z.string().trim().min(1).max(255).optional(),
  })
  .strict()
  .refine((body) => body.when !== undefined || body.people.every((person) => person.day !== undefined), {
    message: "when: required unless every person has a day",
    path: ["when"],
  })
  .refine((body) => new Set(body.people.map((person) => person.userId)).size === body.people.length, {
    message: "people: each person once",
    path: ["people"],
  });
export type CreateSchedulesBody = z.output<typeof createSchedulesBodySchema>;

export const editScheduleBodySchema = z
  .object({
    when: when.optional(),
    policy: z.enum(SCHEDULE_POLICIES).optional(),
    reason: reason.optional(),
    ticket: z.string().trim().max(100, "ticket: at most 100 characters").nullable().optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((value) => value !== undefined), { message: "nothing to change" });
export type EditScheduleBody = z.output<typeof editScheduleBodySchema>;

export const scheduleParamsSchema = z.object({ id: z.uuid() });

export const scheduleListQuerySchema = z
  .object({
    /** Due on or after / on or before: a day (whole days in APP_TIME_ZONE) or an ISO instant. */
    from: z.union([day, z.iso.datetime({ offset: true })]).optional(),
    to: z.union([day, z.iso.datetime({ offset: true })]).optional(),
    /** `open` (the default): waiting, running, paused or held; `all`; or one state. */
    state: z.union([z.enum(["open", "all"]), z.enum(SCHEDULE_STATES)]).default("open"),
    userId: workfrontIdSchema.optional(),
  })
  .strict();
export type ScheduleListQuery = z.output<typeof scheduleListQuerySchema>;

export const emptyBodySchema = z.object({}).strict();
