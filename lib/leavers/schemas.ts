import { z } from "zod";
import { MAX_JOB_PEOPLE } from "@/lib/jobs/rules";
import { openWorkOverrideBodySchema } from "@/lib/offboarding/impact/schemas";
import { workfrontIdSchema } from "@/lib/workfront/ids";

/**
 * The leavers feed's body (POST /api/leavers): people named by e-mail, username or Workfront ID,
 * each with an optional last day, and the reason and ticket of the run. Usernames exclude the
 * characters that separate values in a list (space, comma, semicolon, quotes, angle brackets), so
 * each person stays one value when matched like an import.
 */
const USERNAME = /^[^\s,;"'<>]+$/;

export const leaverSchema = z
  .object({
    email: z.email("email: not an e-mail address").max(254).optional(),
    username: z.string().trim().min(1).max(254).regex(USERNAME, "username: no spaces, commas, semicolons, quotes or angle brackets").optional(),
    workfrontId: workfrontIdSchema.optional(),
    /** The person's last working day (YYYY-MM-DD, in APP_TIME_ZONE): nobody is deactivated before it has ended. */
    lastDay: z.iso.date("lastDay: a date as YYYY-MM-DD").optional(),
  })
  .strict()
  .refine(
    (person) => [person.email, person.username, person.workfrontId].filter((value) => value !== undefined).length === 1,
    "each person needs exactly one of email, username or workfrontId",
  );

export type Leaver = z.output<typeof leaverSchema>;

export const leaversBodySchema = z
  .object({
    people: z.array(leaverSchema).min(1, "people: at least one person").max(MAX_JOB_PEOPLE, `people: at most ${MAX_JOB_PEOPLE}`),
    reason: z.string().trim().min(3, "reason: at least 3 characters").max(500, "reason: at most 500 characters"),
    ticket: z.string().trim().max(100, "ticket: at most 100 characters").optional(),
    /** Above BULK_CONFIRM_THRESHOLD people to deactivate now (those the gate lets through), that count (as for POST /api/jobs). */
    confirmCount: z.number().int().min(0).max(1_000_000).optional(),
    /** Admin role only (403 otherwise, so never a token): deactivate people whose open work blocks it too, with why; audited per person, as for POST /api/jobs. */
    overrideOpenWork: openWorkOverrideBodySchema.optional(),
  })
  .strict();

export type LeaversBody = z.output<typeof leaversBodySchema>;

/** The Idempotency-Key header: required; printable ASCII, as most clients send a UUID. */
export const idempotencyKeySchema = z
  .string({ error: "Send an Idempotency-Key header (e.g. a UUID): the same key again returns the same answer." })
  .min(1)
  .max(200, "Idempotency-Key: at most 200 characters")
  .regex(/^[\x21-\x7e]+$/, "Idempotency-Key: printable ASCII without spaces");

export const IDEMPOTENCY_HEADER = "idempotency-key";
