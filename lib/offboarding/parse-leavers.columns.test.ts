import { describe, expect, it } from "vitest";
import { LeaversFileError, type ParsedLine, parseLeavers } from "./parse-leavers";

function fileError(run: () => unknown): LeaversFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof LeaversFileError) return error;
    throw error;
  }
  throw new Error("expected a LeaversFileError");
}

/** Each line as [line, value] or [line, code, text shown]. */
function lines(parsed: ParsedLine[]) {
  return parsed.map((line) =>
    line.status === "value" ? [line.line, line.value] : line.status === "blank" ? [line.line, "blank"] : [line.line, line.code, line.text],
  );
}

describe("the column the caller names", () => {
  const csv = "Login,Manager\njdoe,boss@x.example\n";

  it("matches a name with spaces around it", () => {
    expect(parseLeavers({ csv, column: " manager " }).column).toEqual({ index: 1, name: "Manager" });
  });

  it("matches a number with spaces around it", () => {
    expect(parseLeavers({ csv, column: " 2 " }).column).toEqual({ index: 1, name: "Manager" });
  });

  it("reads a number of two digits", () => {
    const header = Array.from({ length: 10 }, (_, i) => `c${i + 1}`).join(",");
    const row = Array.from({ length: 10 }, (_, i) => (i === 9 ? "ada@x.example" : "-")).join(",");
    const parsed = parseLeavers({ csv: `${header}\n${row}\n`, column: "10" });
    expect(parsed.column).toEqual({ index: 9, name: "c10" });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });

  it.each(["3", "5", "0", "0x2", "1e0", "2x", "x2"])("refuses %j, which is no column of a two-column file", (column) => {
    const error = fileError(() => parseLeavers({ csv, column }));
    expect(error).toMatchObject({ code: "unknown_column", header: ["Login", "Manager"], message: `The file has no column "${column}".` });
    expect(error.name).toBe("LeaversFileError");
  });

  it("reads a pasted list as CSV when a column is named, whatever its first line", () => {
    const parsed = parseLeavers({ text: "Name;Mail2\nAda;ada@x.example\n", column: "2" });
    expect(parsed).toMatchObject({ format: "csv", delimiter: ";", column: { index: 1, name: "Mail2" } });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });
});

describe("the column found without being told", () => {
  it("takes the only column of a file whatever its name", () => {
    const parsed = parseLeavers({ csv: "Leavers\nada@x.example\n" });
    expect(parsed).toMatchObject({ format: "csv", delimiter: null, header: ["Leavers"], column: { index: 0, name: "Leavers" } });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });

  it("gives the header trimmed", () => {
    const parsed = parseLeavers({ csv: "email , Name\nada@x.example,Ada\n" });
    expect(parsed).toMatchObject({ header: ["email", "Name"], column: { index: 0, name: "email" } });
  });

  it("reads a header that follows a byte-order mark and is quoted", () => {
    const parsed = parseLeavers({ csv: '\uFEFF"Email",Name\n"ada@x.example",Ada\n' });
    expect(parsed).toMatchObject({ header: ["Email", "Name"], column: { index: 0, name: "Email" } });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });

  it("keeps a header whose last cell is empty (a trailing delimiter)", () => {
    const parsed = parseLeavers({ csv: "email,\nada@x.example,\n" });
    expect(parsed).toMatchObject({ header: ["email", ""], column: { index: 0, name: "email" } });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });

  it("skips blank and space-only lines before the header", () => {
    for (const csv of ["\nemail,Name\nada@x.example,Ada\n", "   \nemail,Name\nada@x.example,Ada\n"]) {
      const parsed = parseLeavers({ csv });
      expect(parsed).toMatchObject({ delimiter: ",", header: ["email", "Name"], column: { index: 0, name: "email" } });
      expect(lines(parsed.lines)).toEqual([[3, "ada@x.example"]]);
    }
  });

  it("refuses a file of empty quoted cells as empty", () => {
    const error = fileError(() => parseLeavers({ csv: '""\n' }));
    expect(error).toMatchObject({ code: "empty_file", message: "The file is empty." });
  });
});

describe("a pasted list whose first line is a header", () => {
  it("is read as CSV after blank or space-only lines", () => {
    for (const text of ["\nemail\nada@x.example\n", "  \nemail\nada@x.example\n"]) {
      const parsed = parseLeavers({ text });
      expect(parsed).toMatchObject({ format: "csv", column: { index: 0, name: "email" } });
      expect(lines(parsed.lines)).toEqual([[3, "ada@x.example"]]);
    }
  });

  it("is recognised with spaces after the delimiter", () => {
    const parsed = parseLeavers({ text: "Name, Email\nAda, ada@x.example\n" });
    expect(parsed).toMatchObject({ format: "csv", delimiter: ",", column: { index: 1, name: "Email" } });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });

  it("is recognised when quoted", () => {
    const parsed = parseLeavers({ text: '"email"\nada@x.example\n' });
    expect(parsed).toMatchObject({ format: "csv", column: { index: 0, name: "email" } });
    expect(lines(parsed.lines)).toEqual([[2, "ada@x.example"]]);
  });

  it("is not mistaken in a value that merely contains a column name", () => {
    for (const first of ["nulluser", 'e"mail']) {
      const parsed = parseLeavers({ text: `${first}\nada@x.example\n` });
      expect(parsed.format).toBe("lines");
      expect(parsed.lines[0]?.line).toBe(1);
    }
    expect(lines(parseLeavers({ text: "nulluser\nada@x.example\n" }).lines)).toEqual([
      [1, "nulluser"],
      [2, "ada@x.example"],
    ]);
  });
});
