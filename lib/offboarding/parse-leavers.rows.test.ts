import { describe, expect, it } from "vitest";
import { LeaversFileError, MAX_IMPORT_LINES, parseLeavers } from "./parse-leavers";

const UNREADABLE = "Unreadable characters (binary data or a wrong encoding).";

function fileError(run: () => unknown): LeaversFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof LeaversFileError) return error;
    throw error;
  }
  throw new Error("expected a LeaversFileError");
}

describe("CSV rows that cannot be used", () => {
  it("shows the row with its delimiters", () => {
    const parsed = parseLeavers({ csv: 'id;email\n1;\n2\n3;"open' });
    expect(parsed.lines).toEqual([
      { line: 2, status: "invalid", code: "empty_cell", reason: 'No value in column "email".', text: "1;" },
      { line: 3, status: "invalid", code: "short_row", reason: 'This row has 1 column(s); "email" is column 2.', text: "2" },
      { line: 4, status: "invalid", code: "unclosed_quote", reason: "A quote is opened and never closed.", text: "3;open" },
    ]);
  });

  it("says a row of spaces only is blank, and a cell of spaces only is empty", () => {
    const parsed = parseLeavers({ csv: "id,email\n , \n1,   \n" });
    expect(parsed.lines).toEqual([
      { line: 2, status: "blank" },
      { line: 3, status: "invalid", code: "empty_cell", reason: 'No value in column "email".', text: "1," },
    ]);
  });

  it("refuses a row with junk in another column than the one read", () => {
    const parsed = parseLeavers({ csv: "email,note\nada@x.example,\u0001\nbo@x.example,ok\n" });
    expect(parsed.lines).toEqual([
      { line: 2, status: "invalid", code: "unreadable", reason: UNREADABLE, text: "ada@x.example,\uFFFD" },
      { line: 3, status: "value", value: "bo@x.example", kind: "email" },
    ]);
  });
});

describe("the last-day column", () => {
  it("may be the first column", () => {
    const parsed = parseLeavers({ csv: "Last day,email\n2026-12-31,ada@x.example\n" });
    expect(parsed.lastDayColumn).toEqual({ index: 0, name: "Last day" });
    expect(parsed.lines).toEqual([
      { line: 2, status: "value", value: "ada@x.example", kind: "email", lastDay: { day: "2026-12-31", text: "2026-12-31" } },
    ]);
  });

  it("is never the column the people are read from", () => {
    const parsed = parseLeavers({ csv: "End date,Name\nada@x.example,Ada\n", column: "1" });
    expect(parsed.column).toEqual({ index: 0, name: "End date" });
    expect(parsed.lastDayColumn).toBeNull();
    expect(parsed.lines).toEqual([{ line: 2, status: "value", value: "ada@x.example", kind: "email" }]);
  });

  it("gives no last day for a cell of spaces or a row too short to have one", () => {
    const parsed = parseLeavers({ csv: "email,Team,Last day\nada@x.example,R&D,   \nbo@x.example\n" });
    expect(parsed.lines).toEqual([
      { line: 2, status: "value", value: "ada@x.example", kind: "email" },
      { line: 3, status: "value", value: "bo@x.example", kind: "email" },
    ]);
  });

  it("gives the last day to the people on a row, not to its unusable values", () => {
    const parsed = parseLeavers({ csv: "email,Last day\nbad@,2026-12-31\n" });
    expect(parsed.lines).toEqual([{ line: 2, status: "invalid", code: "bad_email", reason: "Not a valid e-mail address.", text: "bad@" }]);
  });
});

describe("files refused whole", () => {
  it("names its errors LeaversFileError", () => {
    const error = fileError(() => parseLeavers({ text: "" }));
    expect(error.name).toBe("LeaversFileError");
    expect(error).toMatchObject({ code: "empty_file", message: "The list is empty.", header: null });
  });

  it("refuses a call with neither text nor csv as an empty list", () => {
    expect(fileError(() => parseLeavers({}))).toMatchObject({ code: "empty_file", message: "The list is empty." });
  });

  it("says a file of control characters is binary", () => {
    const noise = "\u0001\u0002\u0003".repeat(100);
    expect(fileError(() => parseLeavers({ text: noise }))).toMatchObject({
      code: "binary_file",
      message: "This file is binary data, not a text or CSV list.",
    });
  });

  it("judges binary data by the first 4096 characters only, and reports later junk per line", () => {
    const clean = Array.from({ length: 342 }, (_, i) => `u${String(i).padStart(3, "0")}@x.example`);
    const text = `${clean.join("\n")}\n${"\u0000".repeat(1000)}\n`;
    expect(text.indexOf("\u0000")).toBeGreaterThan(4096);
    const parsed = parseLeavers({ text });
    expect(parsed.lines).toHaveLength(343);
    expect(parsed.lines[341]).toEqual({ line: 342, status: "value", value: "u341@x.example", kind: "email" });
    expect(parsed.lines[342]).toEqual({ line: 343, status: "invalid", code: "unreadable", reason: UNREADABLE, text: `${"\uFFFD".repeat(79)}…` });
  });

  it("says how many lines or rows are too many", () => {
    const many = Array.from({ length: MAX_IMPORT_LINES + 1 }, () => "x");
    expect(fileError(() => parseLeavers({ text: many.join("\n") }))).toMatchObject({
      code: "too_many_lines",
      message: "The list has 10001 lines; at most 10000 at once. Split it.",
    });
    expect(fileError(() => parseLeavers({ csv: ["email", ...many].join("\n") }))).toMatchObject({
      code: "too_many_lines",
      message: "The file has 10001 rows; at most 10000 at once. Split it.",
    });
  });
});
