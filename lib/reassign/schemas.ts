import { z } from "zod";
import { IMPACT_CATEGORIES } from "@/lib/offboarding/impact/types";
import { workfrontIdSchema } from "@/lib/workfront/ids";

/** POST /api/reassignments: who leaves, to whom (default: their manager), which categories, why. */
export const createReassignmentBodySchema = z
  .object({
    leavers: z
      .array(
        z
          .object({
            leaverId: workfrontIdSchema,
            successorId: workfrontIdSchema.optional(),
            // A successor of its own per category (the default successor takes the rest).
            successors: z.partialRecord(z.enum(IMPACT_CATEGORIES), workfrontIdSchema).optional(),
          })
          .strict(),
      )
      .min(1)
      .max(1000),
    categories: z.array(z.enum(IMPACT_CATEGORIES)).min(1).max(IMPACT_CATEGORIES.length).optional(),
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
    ticket: z.string().trim().max(100, "at most 100 characters").optional(),
  })
  .strict();

export const reassignmentParamsSchema = z.object({ id: z.uuid() });
