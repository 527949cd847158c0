import { z } from "zod";

/**
 * The body of POST /api/settings/workfront, one shape per way of connecting. Secrets are trimmed
 * of surrounding whitespace (a pasted key often carries a newline) but otherwise kept as typed.
 */
const tenant = z.string().trim().min(1, "enter the Workfront domain or address").max(300);
const secret = (max: number, what: string) => z.string().trim().min(1, `enter the ${what}`).max(max, `at most ${max} characters`);

export const connectInputSchema = z.discriminatedUnion("method", [
  z
    .object({
      method: z.literal("password"),
      tenant,
      username: z.string().trim().min(1, "enter the Workfront username").max(254),
      // Not trimmed: spaces may be part of a password.
      password: z.string().min(1, "enter the password").max(1000, "at most 1000 characters"),
    })
    .strict(),
  z.object({ method: z.literal("api_key"), tenant, apiKey: secret(200, "API key") }).strict(),
  z
    .object({
      method: z.literal("oauth2"),
      tenant,
      clientId: secret(200, "client ID"),
      clientSecret: secret(500, "client secret"),
      privateKeyPem: secret(16_000, "private key"),
      customerId: secret(100, "customer ID"),
      userId: secret(100, "user ID"),
    })
    .strict(),
]);

export type ConnectInput = z.infer<typeof connectInputSchema>;
