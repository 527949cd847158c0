import { z } from "zod";

/**
 * What a notification may tell, as an allow-list. Every event is parsed with these schemas before
 * it is stored in the outbox: a field not named here (an API key, a token, a whole Workfront
 * record passed by mistake) is dropped, so neither the e-mail nor the webhook can carry it.
 * Texts are bounded; nothing here is a secret.
 */
const text = (max: number) => z.string().trim().max(max);
const instant = z.iso.datetime({ offset: true });

const person = z.object({
  name: text(200).nullable(),
  email: z.email().max(320).nullable(),
});

const jobEnded = z.object({
  type: z.literal("job_ended"),
  jobId: z.uuid(),
  kind: z.enum(["deactivate", "reactivate"]),
  status: z.enum(["completed", "cancelled"]),
  total: z.number().int().min(0),
  succeeded: z.number().int().min(0),
  already: z.number().int().min(0),
  failed: z.number().int().min(0),
  refused: z.number().int().min(0),
  cancelled: z.number().int().min(0),
  startedBy: z.email().max(320),
  ticket: text(200).nullable(),
});

const scheduleBase = {
  scheduleId: text(100).min(1),
  person,
  /** When the deactivation was due. */
  dueAt: instant,
};

const scheduleRan = z.object({
  type: z.literal("schedule_ran"),
  ...scheduleBase,
  ranAt: instant,
  /** Ran after its overdue window (the app was down, Workfront unreachable…). */
  late: z.boolean(),
});

const scheduleFailed = z.object({
  type: z.literal("schedule_failed"),
  ...scheduleBase,
  /** A short code (lib/jobs' error codes), and a message meant for people: no request, no URL. */
  errorCode: text(60).min(1),
  errorMessage: text(300).nullable(),
  /** Distinguishes the failures of one schedule (e.g. the attempt); default: one per schedule. */
  attempt: z.number().int().min(1).optional(),
});

const scheduleOverdue = z.object({
  type: z.literal("schedule_overdue"),
  ...scheduleBase,
});

const leaversDigest = z.object({
  type: z.literal("leavers_digest"),
  /** The day (YYYY-MM-DD in the organisation's time zone) the digest is for. */
  day: z.iso.date(),
  leavers: z
    .array(z.object({ ...person.shape, dueAt: instant }))
    .max(2_000),
});

export const notificationEvent = z.discriminatedUnion("type", [
  jobEnded,
  scheduleRan,
  scheduleFailed,
  scheduleOverdue,
  leaversDigest,
]);

export type NotificationEvent = z.infer<typeof notificationEvent>;
export type JobEndedEvent = z.infer<typeof jobEnded>;
export type LeaversDigestEvent = z.infer<typeof leaversDigest>;
export type Leaver = LeaversDigestEvent["leavers"][number];

/** The event's name in the outbox: the same event told twice is stored (and sent) once per channel. */
export function eventKey(event: NotificationEvent): string {
  switch (event.type) {
    case "job_ended":
      return `job_ended:${event.jobId}`;
    case "schedule_ran":
    case "schedule_overdue":
      return `${event.type}:${event.scheduleId}`;
    case "schedule_failed":
      return `schedule_failed:${event.scheduleId}:${event.attempt ?? 1}`;
    case "leavers_digest":
      return `leavers_digest:${event.day}`;
  }
}
