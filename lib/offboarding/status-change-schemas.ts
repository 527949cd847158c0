import { z } from "zod";
import type { StatusAction } from "./change-status";

/** The bodies of POST /api/users/{id}/deactivate and …/reactivate, checked at the boundary. */
const deactivateBodySchema = z
  .object({
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
    ticket: z.string().trim().max(100, "at most 100 characters").optional(),
    // Admins only: deactivate an account on the configured protected list on purpose (audited).
    overrideProtection: z.literal(true).optional(),
  })
  .strict();

// Nothing protects a user from reactivation: there the flag is an unknown field (400).
export const statusChangeBodySchemas = {
  deactivate: deactivateBodySchema,
  reactivate: deactivateBodySchema.omit({ overrideProtection: true }).strict(),
} satisfies Record<StatusAction, z.ZodType>;

export type StatusChangeBody = z.infer<typeof deactivateBodySchema>;
