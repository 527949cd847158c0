import { z } from "zod";
import { workfrontIdSchema } from "@/lib/workfront/ids";
import { MAX_JOB_PEOPLE } from "./rules";
import { ITEM_STATES, JOB_KINDS, JOB_STATUSES } from "./vocabulary";
import { openWorkOverrideBodySchema } from "@/lib/offboarding/impact/schemas";

/** Request bodies and query strings of /api/jobs, checked at the boundary. */
const reason = z.string().trim().min(3, "reason: at least 3 characters").max(500, "reason: at most 500 characters");
const ticket = z.string().trim().max(100, "ticket: at most 100 characters").optional();
const confirmCount = z.number().int().min(0).max(1_000_000).optional();

/** Order kept, repeats dropped: a person is one item however often the list names them. */
const uniqueIds = z
  .array(workfrontIdSchema)
  .min(1, "userIds: at least one person")
  .max(MAX_JOB_PEOPLE, `userIds: at most ${MAX_JOB_PEOPLE} people`)
  .transform((ids) => [...new Set(ids)]);

export const createJobBodySchema = z
  .object({
    kind: z.enum(JOB_KINDS),
    userIds: uniqueIds,
    reason,
    ticket,
    confirmCount,
    /** The imported file's name, when the list came from one (kept on the job for HR's report). */
    sourceName: z.string().trim().min(1).max(255, "sourceName: at most 255 characters").optional(),
    /** Deactivate the System Administrators in the list too (admin role); without it each is refused. */
    includeAdmins: z.boolean().default(false),
    /** Admin role: deactivate people whose open work blocks it too, with why (issue 16); audited per person. */
    overrideOpenWork: openWorkOverrideBodySchema.optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

export type CreateJobBody = z.output<typeof createJobBodySchema>;

export const undoJobBodySchema = z.object({ reason: reason.optional(), ticket, confirmCount }).strict();
export const emptyBodySchema = z.object({}).strict();

export const JOB_PAGE_SIZES = [25, 50, 100, 200] as const;
const pageSize = z.coerce
  .number()
  .int()
  .refine((size) => (JOB_PAGE_SIZES as readonly number[]).includes(size), "pageSize: one of 25, 50, 100, 200");
const page = z.coerce.number().int().min(1).max(100_000).default(1);

export const jobListQuerySchema = z
  .object({ page, pageSize: pageSize.default(25), status: z.enum(JOB_STATUSES).optional() })
  .strict();

/** `remaining` = pending or running: what the job still has to do. */
export const ITEM_FILTERS = [...ITEM_STATES, "remaining"] as const;
export type ItemFilter = (typeof ITEM_FILTERS)[number];

export const jobQuerySchema = z
  .object({ page, pageSize: pageSize.default(50), state: z.enum(ITEM_FILTERS).optional() })
  .strict();

export const jobParamsSchema = z.object({ id: z.uuid("id: not a job ID") });

export type JobListQuery = z.output<typeof jobListQuerySchema>;
export type JobQuery = z.output<typeof jobQuerySchema>;
