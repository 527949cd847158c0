import { z } from "zod";
import { TOKEN_ROLES } from "@/lib/auth/token-roles";

export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

/** POST /api/admin/tokens: a name, a role (never admin) and how many days it lasts (90 unless said; at most a year). */
export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1, "name: required").max(100),
    role: z.enum(TOKEN_ROLES),
    expiresInDays: z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS),
  })
  .strict();
export type CreateTokenInput = z.infer<typeof createTokenSchema>;

/** POST /api/admin/tokens/revoke {id}. */
export const revokeTokenSchema = z.object({ id: z.uuid() }).strict();
