import "server-only";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { CSV_DELIMITERS, csvLine } from "@/lib/csv-format";
import { type Database, auditEvents, jobItems, type jobs } from "@/lib/db";
import { createTranslator } from "next-intl";
import { z } from "zod";
import { LOCALES, type Locale } from "@/lib/i18n/locales";
import { type Messages, catalogues } from "@/lib/i18n/messages";
import { licenceLabel } from "@/lib/offboarding/licence-labels";

/**
 * A job's results for HR, as CSV (the audit CSV's conventions): one line per person in the
 * order they were listed, with the job's reason, ticket and source file on every line so the
 * sheet stands on its own; the licence type from the person's audit snapshot.
 */
type ColumnName = keyof Messages["reports"]["resultsCsv"];
type Job = typeof jobs.$inferSelect;
type Row = { item: typeof jobItems.$inferSelect; licenseType: string | null };

/**
 * What a row's cells are read with besides the row. As in the audit CSV, English keeps the codes
 * (scripts read them) and German gets the words its screens show: "Deaktivieren", "Deaktiviert".
 */
interface Words {
  kind(kind: Job["kind"]): string;
  state(kind: Job["kind"], state: Row["item"]["state"]): string;
  licences: ReadonlyMap<string, string>;
}

function wordsFor(locale: Locale, licences: ReadonlyMap<string, string>): Words {
  if (locale === "en") return { kind: (kind) => kind, state: (_, state) => state, licences };
  const t = createTranslator({ locale, messages: catalogues[locale], namespace: "jobs" });
  const actions = catalogues[locale].audit.actions;
  return { kind: (kind) => actions[kind], state: (kind, state) => t(`outcome.${state}`, { kind }), licences };
}

const columns: [ColumnName, (job: Job, row: Row, words: Words) => Parameters<typeof csvLine>[0][number]][] = [
  ["job_id", (job) => job.id],
  ["job_kind", (job, _, words) => words.kind(job.kind)],
  ["source_name", (job) => job.sourceName],
  ["reason", (job) => job.reason],
  ["ticket", (job) => job.ticket],
  ["position", (_, row) => row.item.position + 1],
  ["target_id", (_, row) => row.item.targetId],
  ["name", (_, row) => row.item.targetName],
  ["email", (_, row) => row.item.targetEmail],
  ["state", (job, row, words) => words.state(job.kind, row.item.state)],
  ["error_code", (_, row) => row.item.errorCode],
  ["error_message", (_, row) => row.item.errorMessage],
  ["license_type", (_, row) => row.licenseType],
  ["license", (_, row, words) => licenceLabel(words.licences, row.licenseType)],
  ["finished_at", (_, row) => row.item.finishedAt],
];

const PAGE = 1_000;

/** GET /api/jobs/{id}/results: the CSV's language (else the reader's). */
export const jobResultsQuerySchema = z.object({ locale: z.enum(LOCALES).optional() }).strict();

/** `licences`: the tenant's names of licence types (lib/offboarding/licence-labels.ts); codes where unknown. */
export async function* jobResultsCsvLines(
  db: Database,
  job: Job,
  locale: Locale,
  licences: ReadonlyMap<string, string> = new Map(),
): AsyncGenerator<string> {
  const names = catalogues[locale].reports.resultsCsv;
  const delimiter = CSV_DELIMITERS[locale];
  const words = wordsFor(locale, licences);
  yield csvLine(columns.map(([name]) => names[name]), delimiter);
  let after = -1;
  for (;;) {
    const page = await db
      .select({ item: jobItems, licenseType: sql<string | null>`${auditEvents.snapshot}->>'licenseType'` })
      .from(jobItems)
      .leftJoin(auditEvents, eq(auditEvents.id, jobItems.auditEventId))
      .where(and(eq(jobItems.jobId, job.id), gt(jobItems.position, after)))
      .orderBy(asc(jobItems.position))
      .limit(PAGE);
    if (page.length === 0) return;
    yield page.map((row) => csvLine(columns.map(([, read]) => read(job, row, words)), delimiter)).join("");
    after = page[page.length - 1]!.item.position;
    if (page.length < PAGE) return;
  }
}
