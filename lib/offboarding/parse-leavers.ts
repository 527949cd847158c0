import { parseLastDay } from "@/lib/schedule/due-time";
import { type Delimiter, detectDelimiter, readCsvRecords } from "./csv-records";

/**
 * Reads a leavers list as HR sends it: one e-mail, username or Workfront ID per line, or a CSV
 * with a header and a column holding them. A line may name several people (an Outlook address
 * line), each with the line's number. Pure (no server imports) so it can be tested alone and
 * reused by a browser preview. Every line gets a result; nothing is skipped without saying so.
 */
export const MAX_IMPORT_LINES = 10_000;
export const MAX_VALUE_LENGTH = 254;

export type ValueKind = "id" | "email" | "username";
export type { Delimiter };

/** Why a line cannot be used, as a code the preview translates (the reason is its English text). */
export type InvalidCode =
  | "unreadable"
  | "empty"
  | "too_long"
  | "several_values"
  | "bad_email"
  | "unrecognised"
  | "unclosed_quote"
  | "short_row"
  | "empty_cell"
  | "formula"
  | "bare_name";

/**
 * A CSV's last-day column, per person: the day as YYYY-MM-DD (ISO or German `31.12.2026` in the
 * file), or the cell's text when it is not a date (`day: null`). Absent without such a column or
 * with an empty cell.
 */
export type LastDay = { day: string; text: string } | { day: null; text: string };

export type ParsedLine =
  | { line: number; status: "value"; value: string; kind: ValueKind; lastDay?: LastDay }
  | { line: number; status: "blank" }
  | { line: number; status: "invalid"; code: InvalidCode; reason: string; text: string };

export interface ParsedImport {
  format: "lines" | "csv";
  delimiter: Delimiter | null;
  /** The CSV's header cells, and the column read (0-based). */
  header: string[] | null;
  column: { index: number; name: string } | null;
  /** The column read for each person's last day (issue 17), if the header has one. */
  lastDayColumn: { index: number; name: string } | null;
  lines: ParsedLine[];
}

export type LeaversFileErrorCode = "binary_file" | "too_many_lines" | "empty_file" | "no_column" | "unknown_column";

export class LeaversFileError extends Error {
  override name = "LeaversFileError";
  constructor(
    readonly code: LeaversFileErrorCode,
    message: string,
    /** The header, when the problem is which column to read. */
    readonly header: string[] | null = null,
  ) {
    super(message);
  }
}

const BOM = "\uFEFF";
const ID = /^[0-9a-f]{32}$/i;
// An apostrophe is allowed in the part before the @ ("o'neil@example.com"), as in usernames.
const EMAIL = /^[^\s@<>",;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;
const USERNAME = /^[^\s<>",;]+$/;
// C0 controls but tab, CR and LF; DEL; C1 controls; the replacement character of bad UTF-8.
const JUNK = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
const JUNK_GLOBAL = new RegExp(JUNK.source, "g");
const UNREADABLE = "Unreadable characters (binary data or a wrong encoding).";
const FORMULA = "A spreadsheet formula, not its value: in Excel, copy the column and paste it as values, then save again.";
const NAME_ONLY = "A person's name only: names are not unique in Workfront. Give their e-mail address, username or Workfront ID.";
// Two or more words of letters (with apostrophes, dots and hyphens) and nothing else: "Jürgen Müller", "O'Neil, Ana".
const BARE_NAME = /^[\p{L}][\p{L}\p{M}'’.-]*,?(\s+[\p{L}][\p{L}\p{M}'’.-]*)+$/u;

/** Column names we read without being told, best first. */
const COLUMN_PATTERNS: RegExp[] = [
  /^(e-?mail|e-?mail ?addr(ess)?|mail|work ?e-?mail|e-?mail[- ]?adresse)$/i,
  /^(user ?name|login|user|benutzer ?name|anmelde ?name)$/i,
  /^((workfront|wf) ?)?(user ?|benutzer[- ]?)?id$/i,
];

/** Column names of a leaver's last day, in German and English HR exports. */
const LAST_DAY_PATTERN = /^(letzter ?arbeitstag|austrittsdatum|austritt|last ?(working )?day|end ?date|termination ?date|leaving ?date|exit ?date)$/i;

/** Signatures of files that are not text at all (a workbook, a PDF, an image). */
const BINARY_SIGNATURES: [string, string][] = [
  ["PK\u0003\u0004", "an Excel workbook or another zip file: save it as CSV first"],
  ["\u00D0\u00CF\u0011\u00E0", "an old Excel (.xls) workbook: save it as CSV first"],
  ["%PDF", "a PDF"],
  ["\u0089PNG", "an image"],
];

function assertText(text: string): void {
  for (const [signature, what] of BINARY_SIGNATURES) {
    if (text.startsWith(signature)) throw new LeaversFileError("binary_file", `This file is ${what}, not a list.`);
  }
  const sample = text.slice(0, 4096);
  const junk = sample.match(JUNK_GLOBAL)?.length ?? 0;
  if (sample.length > 0 && junk / sample.length > 0.1) {
    throw new LeaversFileError("binary_file", "This file is binary data, not a text or CSV list.");
  }
}

/** One value, cleaned and classified, or why it cannot be used. */
export function classifyValue(raw: string): { value: string; kind: ValueKind } | { code: InvalidCode; reason: string } {
  if (JUNK.test(raw)) return { code: "unreadable", reason: UNREADABLE };
  let value = raw.trim();
  // "Ada Lovelace <ada@example.com>", as mail programs copy an address.
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(value);
  if (angle?.[1]) value = angle[1];
  value = value.replace(/^mailto:/i, "").replace(/^["']+|["']+$/g, "").trim();
  if (value === "") return { code: "empty", reason: "Empty value." };
  if (value.length > MAX_VALUE_LENGTH) return { code: "too_long", reason: `Longer than ${MAX_VALUE_LENGTH} characters.` };
  if (value.startsWith("=")) return { code: "formula", reason: FORMULA };
  if (BARE_NAME.test(value)) return { code: "bare_name", reason: NAME_ONLY };
  if (/[,;\t]/.test(value) || /\s/.test(value)) {
    return { code: "several_values", reason: "More than one value on this line: put one person per line, or upload a CSV with a header." };
  }
  if (ID.test(value)) return { value: value.toLowerCase(), kind: "id" };
  if (value.includes("@")) return EMAIL.test(value) ? { value, kind: "email" } : { code: "bad_email", reason: "Not a valid e-mail address." };
  if (USERNAME.test(value)) return { value, kind: "username" };
  return { code: "unrecognised", reason: "Not an e-mail address, a username or a Workfront ID." };
}

/**
 * The addresses of an Outlook "To" line ("a@x.com; Ana <b@y.com>;"): split on ";" (or ",") when
 * every part is an e-mail address, so each person gets a result. Null for anything else.
 */
function addressList(raw: string): string[] | null {
  for (const separator of [";", ","]) {
    if (!raw.includes(separator)) continue;
    const parts = raw.split(separator).map((part) => part.trim()).filter((part) => part !== "");
    const emails = parts.every((part) => {
      const result = classifyValue(part);
      return !("reason" in result) && result.kind === "email";
    });
    if (parts.length > 0 && emails) return parts;
  }
  return null;
}

function toLines(line: number, raw: string): ParsedLine[] {
  if (raw.trim() === "") return [{ line, status: "blank" }];
  const parts = addressList(raw) ?? [raw];
  return parts.map((part): ParsedLine => {
    const result = classifyValue(part);
    return "reason" in result
      ? { line, status: "invalid", code: result.code, reason: result.reason, text: preview(part) }
      : { line, status: "value", value: result.value, kind: result.kind };
  });
}

/** What a bad line said, short and without control characters, for the report. */
function preview(raw: string): string {
  const clean = raw.replace(JUNK_GLOBAL, "\uFFFD").replace(/[\r\n]+/g, " ").trim();
  return clean.length > 80 ? `${clean.slice(0, 79)}…` : clean;
}

function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  // The newline that ends the last line does not start another.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function chooseColumn(header: string[], wanted: string | undefined): { index: number; name: string } {
  const names = header.map((name) => name.trim());
  if (wanted !== undefined) {
    const byName = names.findIndex((name) => name.toLowerCase() === wanted.trim().toLowerCase());
    const byNumber = /^\d+$/.test(wanted.trim()) ? Number(wanted) - 1 : -1;
    const index = byName >= 0 ? byName : byNumber >= 0 && byNumber < names.length ? byNumber : -1;
    if (index < 0) {
      throw new LeaversFileError("unknown_column", `The file has no column "${wanted}".`, names);
    }
    return { index, name: names[index]! };
  }
  for (const pattern of COLUMN_PATTERNS) {
    const index = names.findIndex((name) => pattern.test(name));
    if (index >= 0) return { index, name: names[index]! };
  }
  if (names.length === 1) return { index: 0, name: names[0]! };
  throw new LeaversFileError(
    "no_column",
    "Which column holds the e-mails, usernames or IDs? None is named e-mail, username or ID: choose one.",
    names,
  );
}

/** A pasted list whose first line is a header ("email", or "name,email,…") is read as CSV. */
function looksLikeHeader(line: string): boolean {
  const delimiter = detectDelimiter(line);
  const cells = delimiter === null ? [line] : line.split(delimiter);
  return cells.some((cell) => COLUMN_PATTERNS.some((pattern) => pattern.test(cell.trim().replace(/^"|"$/g, ""))));
}

function parseCsv(text: string, column: string | undefined): ParsedImport {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  const delimiter = detectDelimiter(firstLine);
  const records = readCsvRecords(text, delimiter);
  const headerAt = records.findIndex((record) => record.cells.some((cell) => cell.trim() !== ""));
  if (headerAt < 0) throw new LeaversFileError("empty_file", "The file is empty.");
  const headerRecord = records[headerAt]!;
  const header = headerRecord.cells.map((cell) => cell.trim());
  const chosen = chooseColumn(header, column);
  const dayIndex = header.findIndex((name, index) => index !== chosen.index && LAST_DAY_PATTERN.test(name));
  const lastDayColumn = dayIndex >= 0 ? { index: dayIndex, name: header[dayIndex]! } : null;
  const rows = records.slice(headerAt + 1);
  if (rows.length > MAX_IMPORT_LINES) {
    throw new LeaversFileError("too_many_lines", `The file has ${rows.length} rows; at most ${MAX_IMPORT_LINES} at once. Split it.`);
  }
  const lines = rows.flatMap((record): ParsedLine | ParsedLine[] => {
    const raw = record.cells.join(delimiter ?? "");
    if (record.unclosed) {
      return { line: record.line, status: "invalid", code: "unclosed_quote", reason: "A quote is opened and never closed.", text: preview(raw) };
    }
    if (record.cells.every((cell) => cell.trim() === "")) return { line: record.line, status: "blank" };
    if (JUNK.test(raw)) return { line: record.line, status: "invalid", code: "unreadable", reason: UNREADABLE, text: preview(raw) };
    const cell = record.cells[chosen.index];
    if (cell === undefined) {
      return {
        line: record.line,
        status: "invalid",
        code: "short_row",
        reason: `This row has ${record.cells.length} column(s); "${chosen.name}" is column ${chosen.index + 1}.`,
        text: preview(raw),
      };
    }
    if (cell.trim() === "") {
      return { line: record.line, status: "invalid", code: "empty_cell", reason: `No value in column "${chosen.name}".`, text: preview(raw) };
    }
    const parsedLines = toLines(record.line, cell);
    const dayCell = lastDayColumn ? record.cells[lastDayColumn.index]?.trim() : undefined;
    if (!dayCell) return parsedLines;
    const lastDay: LastDay = { day: parseLastDay(dayCell), text: preview(dayCell) };
    return parsedLines.map((parsed) => (parsed.status === "value" ? { ...parsed, lastDay } : parsed));
  });
  return { format: "csv", delimiter, header, column: chosen, lastDayColumn, lines };
}

/**
 * `text`: one value per line (a pasted list; a pasted CSV with a recognised header is read as
 * CSV). `csv`: a CSV file with a header; `column` names the column (or its 1-based number) when
 * the header does not say. Throws LeaversFileError for a file that cannot be read at all.
 */
export function parseLeavers(input: { text?: string; csv?: string; column?: string }): ParsedImport {
  const given = input.csv ?? input.text ?? "";
  const text = given.startsWith(BOM) ? given.slice(1) : given;
  assertText(text);
  if (text.trim() === "") throw new LeaversFileError("empty_file", "The list is empty.");
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== "") ?? "";
  if (input.csv !== undefined || input.column !== undefined || looksLikeHeader(firstLine)) {
    return parseCsv(text, input.column);
  }
  const raw = splitLines(text);
  if (raw.length > MAX_IMPORT_LINES) {
    throw new LeaversFileError("too_many_lines", `The list has ${raw.length} lines; at most ${MAX_IMPORT_LINES} at once. Split it.`);
  }
  return { format: "lines", delimiter: null, header: null, column: null, lastDayColumn: null, lines: raw.flatMap((line, index) => toLines(index + 1, line)) };
}
