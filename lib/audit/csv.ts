import "server-only";
import { and, sql } from "drizzle-orm";
import { type Database, auditEvents } from "@/lib/db";
import { type AuditFilterInput, auditFilterSchema, auditWhere } from "./filters";
import { newestFirst } from "./list";
import type { AuditEvent } from "./types";
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from "./vocabulary";
import { ROLES } from "@/lib/auth/roles";
import type { Locale } from "@/lib/i18n/locales";
import { type Messages, catalogues } from "@/lib/i18n/messages";
import { CSV_DELIMITERS, csvCell, csvLine, csvStream } from "@/lib/csv-format";
import { licenceLabel } from "@/lib/offboarding/licence-labels";

export { CSV_DELIMITERS, type CsvDelimiter, UTF8_BOM, csvCell, csvLine } from "@/lib/csv-format";

type ColumnName = keyof Messages["audit"]["csv"];

/**
 * The export's columns, in order, and how each is read from a row. Their header names are in the
 * catalogues (audit.csv), so a column without a name in every language fails to compile. The
 * action, outcome and role are words in the reader's language (`Words`); the rest stays
 * machine-readable in every language: true/false, codes, and times as ISO 8601 in UTC, as the
 * header names say.
 */
const columns: [ColumnName, (row: AuditEvent, words: Words) => Parameters<typeof csvCell>[0]][] = [
  ["id", (row) => row.id],
  ["occurred_at", (row) => row.occurredAt],
  ["completed_at", (row) => row.completedAt],
  ["actor_email", (row) => row.actorEmail],
  ["actor_role", (row, words) => words.roles[row.actorRole]],
  ["actor_token_id", (row) => row.actorTokenId],
  ["action", (row, words) => words.actions[row.action]],
  ["target_id", (row) => row.targetId],
  ["target_name", (row) => row.targetName],
  ["target_email", (row) => row.targetEmail],
  ["reason", (row) => row.reason],
  ["ticket", (row) => row.ticket],
  ["outcome", (row, words) => words.outcomes[row.outcome]],
  ["error_code", (row) => row.errorCode],
  ["error_message", (row) => row.errorMessage],
  ["refused_code", (row) => row.refusedCode],
  ["refused_reason", (row) => row.refusedReason],
  ["overridden_protection", (row) => row.overriddenProtection],
  ["is_active_before", (row) => row.isActiveBefore],
  ["is_active_after", (row) => row.isActiveAfter],
  ["access_level_id", (row) => row.snapshot?.accessLevelId],
  ["access_level", (row) => row.snapshot?.accessLevelName],
  ["license_type", (row) => row.snapshot?.licenseType],
  ["license", (row, words) => licenceLabel(words.licences, row.snapshot?.licenseType)],
  ["home_group_id", (row) => row.snapshot?.homeGroupId],
  ["home_group", (row) => row.snapshot?.homeGroupName],
  ["request_id", (row) => row.requestId],
  ["client_ip", (row) => row.clientIp],
  ["job_id", (row) => row.jobId],
];

/**
 * English keeps the codes (they are English words, and scripts read them); other languages get the
 * words their screen shows ("Deaktivieren", "Erfolgreich"), not English codes in a German sheet.
 */
interface Words {
  roles: Record<AuditEvent["actorRole"], string>;
  actions: Record<AuditEvent["action"], string>;
  outcomes: Record<AuditEvent["outcome"], string>;
  /** The tenant's names of licence types (lib/offboarding/licence-labels.ts); codes where unknown. */
  licences: ReadonlyMap<string, string>;
}

const identity = <K extends string>(codes: readonly K[]) => Object.fromEntries(codes.map((code) => [code, code as string])) as Record<K, string>;

function wordsFor(locale: Locale, licences: ReadonlyMap<string, string>): Words {
  if (locale === "en") return { roles: identity(ROLES), actions: identity(AUDIT_ACTIONS), outcomes: identity(AUDIT_OUTCOMES), licences };
  const messages = catalogues[locale];
  return { roles: messages.common.roles, actions: messages.audit.actions, outcomes: messages.audit.outcomes, licences };
}

/** The columns by their stable codes (the catalogues' keys), whatever the header's language. */
export const AUDIT_CSV_COLUMNS = columns.map(([name]) => name);

/** The header row's names in a language. */
export function auditCsvHeader(locale: Locale): string[] {
  const names = catalogues[locale].audit.csv;
  return AUDIT_CSV_COLUMNS.map((name) => names[name]);
}

export const CSV_PAGE_SIZE = 500;

/**
 * The header in the locale's language, then one line per matching event, newest first, separated
 * by the locale's delimiter. Reads pages by keyset (the last
 * row's time and ID) rather than OFFSET, so rows appended during a long export neither shift nor
 * repeat what follows, and memory stays at one page.
 */
export async function* auditCsvLines(
  db: Database,
  filter: AuditFilterInput = {},
  locale: Locale = "en",
  licences: ReadonlyMap<string, string> = new Map(),
): AsyncGenerator<string> {
  const where = auditWhere(auditFilterSchema.parse(filter));
  const delimiter = CSV_DELIMITERS[locale];
  const words = wordsFor(locale, licences);
  yield csvLine(auditCsvHeader(locale), delimiter);
  let after: { occurredAt: Date; id: number } | undefined;
  for (;;) {
    const page = await db
      .select()
      .from(auditEvents)
      .where(
        and(
          where,
          after &&
            sql`(${auditEvents.occurredAt}, ${auditEvents.id}) < (${after.occurredAt.toISOString()}::timestamptz, ${after.id})`,
        ),
      )
      .orderBy(...newestFirst)
      .limit(CSV_PAGE_SIZE);
    if (page.length === 0) return;
    yield page.map((row) => csvLine(columns.map(([, read]) => read(row, words)), delimiter)).join("");
    const last = page[page.length - 1]!;
    after = { occurredAt: last.occurredAt, id: last.id };
    if (page.length < CSV_PAGE_SIZE) return;
  }
}

/**
 * The export as UTF-8 bytes for a Response, starting with a byte-order mark; filters are validated
 * before the first byte.
 */
export function auditCsv(
  db: Database,
  filter: AuditFilterInput = {},
  locale: Locale = "en",
  licences: ReadonlyMap<string, string> = new Map(),
): ReadableStream<Uint8Array> {
  auditFilterSchema.parse(filter);
  return csvStream(auditCsvLines(db, filter, locale, licences));
}
