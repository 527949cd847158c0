import { z } from "zod";
import { workfrontIdSchema } from "@/lib/workfront/ids";

/** POST /api/users/impact: the people whose work to count. */
export const impactManyBodySchema = z
  .object({ userIds: z.array(workfrontIdSchema).min(1).max(10_000) })
  .strict();
