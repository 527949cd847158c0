/**
 * How every CSV the app hands out is written (the audit log, the users list, a job's results, the
 * import preview): RFC 4180 cells, formula-safe, the delimiter a spreadsheet in the reader's
 * language expects, UTF-8 with a byte-order mark. Pure, so the browser can write one too.
 */
import type { Locale } from "@/lib/i18n/locales";

/** Spreadsheets run a cell that starts with one of these as a formula (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The separator a spreadsheet in each language expects: German Excel splits on semicolons. */
export type CsvDelimiter = "," | ";";
export const CSV_DELIMITERS: Record<Locale, CsvDelimiter> = { en: ",", de: ";" };

/** Excel reads a CSV as UTF-8 only when it starts with a byte-order mark (else as ANSI: "Ã¤"). */
export const UTF8_BOM = "\uFEFF";

/**
 * One RFC 4180 field; text that a spreadsheet would evaluate gets a leading apostrophe. A cell
 * holding either separator is quoted, whichever is used, so no spreadsheet's guess splits it.
 */
export function csvCell(value: string | number | boolean | Date | null | undefined): string {
  if (value === null || value === undefined) return "";
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (typeof value === "string" && FORMULA_START.test(text)) text = `'${text}`;
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly Parameters<typeof csvCell>[0][], delimiter: CsvDelimiter = ","): string {
  return `${cells.map(csvCell).join(delimiter)}\r\n`;
}


/** Lines as UTF-8 bytes for a Response, after a byte-order mark; one line (or page) per pull. */
export function csvStream(lines: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(UTF8_BOM));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
}

/** The headers of a CSV download. */
export function csvHeaders(filename: string, locale: Locale): HeadersInit {
  return {
    "content-type": "text/csv; charset=utf-8",
    "content-disposition": `attachment; filename="${filename}"`,
    "content-language": locale,
    "cache-control": "no-store",
    vary: "Cookie, Accept-Language",
  };
}
