import { z } from "zod";
import type { StatusAction } from "./change-status";
import { openWorkOverrideBodySchema } from "./impact/schemas";

/** The bodies of POST /api/users/{id}/deactivate and …/reactivate, checked at the boundary. */
const deactivateBodySchema = z
  .object({
    reason: z.string().trim().min(3, "at least 3 characters").max(500, "at most 500 characters"),
    ticket: z.string().trim().max(100, "at most 100 characters").optional(),
    // Admins only: deactivate an account on the configured protected list on purpose (audited).
    overrideProtection: z.literal(true).optional(),
    // Admins only: deactivate despite blocking open work (issue 16), with why (audited).
    overrideOpenWork: openWorkOverrideBodySchema.optional(),
  })
  .strict();

// Nothing protects a user from reactivation: there the flag is an unknown field (400).
export const statusChangeBodySchemas = {
  deactivate: deactivateBodySchema,
  reactivate: deactivateBodySchema.omit({ overrideProtection: true, overrideOpenWork: true }).strict(),
} satisfies Record<StatusAction, z.ZodType>;

export type StatusChangeBody = z.infer<typeof deactivateBodySchema>;
