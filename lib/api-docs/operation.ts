import type { z } from "zod";
import type { Permission } from "@/lib/auth/roles";

export const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/**
 * One route and method of the JSON API, described with the zod schemas its handler parses, so the
 * description cannot drift from what the handler accepts (lib/api-docs/coverage.test.ts also fails
 * for a route file whose method has no description, or a description with no route).
 */
export interface ApiOperation {
  method: HttpMethod;
  /** OpenAPI style: `/api/jobs/{id}` for app/api/jobs/[id]/route.ts. */
  path: string;
  summary: string;
  description?: string;
  /** What the caller must be allowed (lib/auth/roles.ts); null: open (sign-in, health, language). */
  permission: Permission | null;
  params?: z.ZodObject;
  /** Query schemas, merged (a route may read two: its filters and its format). */
  query?: readonly z.ZodObject[];
  /** Request headers the handler reads (the leavers feed's Idempotency-Key). */
  headers?: z.ZodObject;
  body?: z.ZodType;
  /** Answers other than the JSON error contract's: status → what comes back. */
  responses: Record<number, string>;
}
