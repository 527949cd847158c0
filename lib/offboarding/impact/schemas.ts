import { z } from "zod";
import { workfrontIdSchema } from "@/lib/workfront/ids";
import { BLOCKING_CATEGORIES, IMPACT_CATEGORIES, type OpenWorkEvidence } from "./types";

/** POST /api/users/impact: the people whose work to count. */
export const impactManyBodySchema = z
  .object({ userIds: z.array(workfrontIdSchema).min(1).max(10_000) })
  .strict();

const categoryKey = z.enum(IMPACT_CATEGORIES);
const blockingEntry = z.object({ key: z.enum(BLOCKING_CATEGORIES), count: z.number().int().min(0).nullable() });
const count = z.number().int().min(0);

/** An admin's override of blocking open work: a reason, like the deactivation's own. */
export const openWorkOverrideBodySchema = z
  .object({ reason: z.string().trim().min(3, "openWorkOverride.reason: at least 3 characters").max(500, "openWorkOverride.reason: at most 500 characters") })
  .strict();

/** The evidence kept with a deactivation's audit row (checked before it is written). */
export const openWorkEvidenceSchema = z.object({
  counts: z.partialRecord(categoryKey, count),
  total: count,
  blocking: count,
  blockingBy: z.partialRecord(z.enum(BLOCKING_CATEGORIES), count).optional(),
  unavailable: z.array(categoryKey).max(IMPACT_CATEGORIES.length),
  checkedAt: z.iso.datetime(),
  override: z.object({ reason: z.string().max(500), blocking: z.array(blockingEntry).max(BLOCKING_CATEGORIES.length) }).nullable(),
}) satisfies z.ZodType<OpenWorkEvidence>;
