import "server-only";
import { type SQL, and, eq, gte, ilike, lt, or } from "drizzle-orm";
import { z } from "zod";
import { auditEvents } from "@/lib/db";
import { env } from "@/lib/env";
import { LOCALES } from "@/lib/i18n/locales";
import { parseTypedDate } from "@/lib/i18n/date-input";
import { endOfDay, startOfDay } from "@/lib/time/zoned-day";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "./vocabulary";

const WORKFRONT_ID = /^[0-9a-f]{32}$/i;

const search = z
  .string()
  .trim()
  .max(254)
  .optional()
  .transform((value) => value || undefined);

/**
 * A date (2024-05-31, a whole day in APP_TIME_ZONE, the zone the table shows times in) or an ISO
 * date-time with an offset. `from` includes its moment; `to` includes its whole day, or its
 * millisecond (timestamps are stored to the ms).
 */
const bound = (edge: "from" | "to") =>
  z.union([
    z.date(),
    z
      .string()
      .trim()
      // A day as the audit page's date fields send it: ISO, or German (29.03.2026) from the German UI.
      .refine((value) => parseTypedDate(value) !== null || z.iso.datetime({ offset: true }).safeParse(value).success, {
        message: "expected a date (YYYY-MM-DD or DD.MM.YYYY) or an ISO date-time",
      })
      .transform((value) => {
        const day = parseTypedDate(value);
        if (!day) return new Date(value);
        const zone = env().APP_TIME_ZONE;
        return edge === "to" ? endOfDay(day, zone) : startOfDay(day, zone);
      }),
  ]);

const filterShape = {
  /** Part of the actor's e-mail. */
  actor: search,
  /** A Workfront ID (exact) or part of the target's name or e-mail. */
  target: search,
  /** A bulk job's ID: its people's rows. */
  job: z.uuid("job: a job's ID").optional(),
  /** Part of the ticket. */
  ticket: search,
  /** Part of the reason. */
  reason: search,
  action: z.enum(AUDIT_ACTIONS).optional(),
  outcome: z.enum(AUDIT_OUTCOMES).optional(),
  from: bound("from").optional(),
  to: bound("to").optional(),
};

const ordered = (filter: { from?: Date; to?: Date }) =>
  !filter.from || !filter.to || filter.from <= filter.to;
const orderedMessage = { message: "from must not be after to", path: ["from"] };

/** The filters alone, for the CSV export. Unknown parameters are refused, not ignored. */
export const auditFilterSchema = z.object(filterShape).strict().refine(ordered, orderedMessage);

export const AUDIT_PAGE_SIZES = [25, 50, 100, 200] as const;

/** Filters plus paging, for the Audit page and `GET /api/audit`. */
export const auditListQuerySchema = z
  .object({
    ...filterShape,
    page: z.coerce.number().int().min(1).max(100_000).default(1),
    pageSize: z.coerce
      .number()
      .int()
      .refine(
        (size) => (AUDIT_PAGE_SIZES as readonly number[]).includes(size),
        "one of 25, 50, 100, 200",
      )
      .default(25),
  })
  .strict()
  .refine(ordered, orderedMessage);

export type AuditFilter = z.output<typeof auditFilterSchema>;
export type AuditFilterInput = z.input<typeof auditFilterSchema>;
export type AuditListQuery = z.output<typeof auditListQuerySchema>;
export type AuditListQueryInput = z.input<typeof auditListQuerySchema>;

/** `%` and `_` typed by a user are literal characters, not wildcards. */
function contains(text: string): string {
  return `%${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

export function auditWhere(filter: AuditFilter): SQL | undefined {
  const conditions: (SQL | undefined)[] = [];
  if (filter.actor) conditions.push(ilike(auditEvents.actorEmail, contains(filter.actor)));
  if (filter.target) {
    conditions.push(
      WORKFRONT_ID.test(filter.target)
        ? eq(auditEvents.targetId, filter.target.toLowerCase())
        : or(
            ilike(auditEvents.targetName, contains(filter.target)),
            ilike(auditEvents.targetEmail, contains(filter.target)),
          ),
    );
  }
  if (filter.job) conditions.push(eq(auditEvents.jobId, filter.job));
  if (filter.ticket) conditions.push(ilike(auditEvents.ticket, contains(filter.ticket)));
  if (filter.reason) conditions.push(ilike(auditEvents.reason, contains(filter.reason)));
  if (filter.action) conditions.push(eq(auditEvents.action, filter.action));
  if (filter.outcome) conditions.push(eq(auditEvents.outcome, filter.outcome));
  if (filter.from) conditions.push(gte(auditEvents.occurredAt, filter.from));
  if (filter.to) conditions.push(lt(auditEvents.occurredAt, new Date(filter.to.getTime() + 1)));
  return and(...conditions);
}

/**
 * GET /api/audit's other two parameters: `format` (json, the default, or csv: the whole filtered
 * log, streamed) and, with csv only, `locale`: the CSV's header language and delimiter (en: comma;
 * de: semicolon, as German Excel expects).
 */
export const auditFormatQuerySchema = z
  .object({ format: z.enum(["json", "csv"]).optional(), locale: z.enum(LOCALES).optional() })
  .strict();
