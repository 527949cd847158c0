import { describe, expect, it } from "vitest";
import { LeaversFileError, MAX_IMPORT_LINES, type ParsedLine, classifyValue, parseLeavers } from "./parse-leavers";

const ID = "0123456789abcdef0123456789abcdef";

function summary(lines: ParsedLine[]) {
  return lines.map((line) =>
    line.status === "value" ? [line.line, line.kind, line.value] : line.status === "blank" ? [line.line, "blank"] : [line.line, "invalid", line.reason],
  );
}

function fileError(run: () => unknown): LeaversFileError {
  try {
    run();
  } catch (error) {
    if (error instanceof LeaversFileError) return error;
    throw error;
  }
  throw new Error("expected a LeaversFileError");
}

describe("a pasted list, one per line", () => {
  it("reads e-mails, usernames and IDs, and reports every line", () => {
    const parsed = parseLeavers({ text: `ada@example.com\njdoe\n${ID.toUpperCase()}\n` });
    expect(parsed).toMatchObject({ format: "lines", delimiter: null, header: null, column: null });
    expect(summary(parsed.lines)).toEqual([
      [1, "email", "ada@example.com"],
      [2, "username", "jdoe"],
      [3, "id", ID],
    ]);
  });

  it("drops a byte-order mark and reads CRLF, CR and LF line ends alike", () => {
    const parsed = parseLeavers({ text: "\uFEFFa@x.example\r\nb@x.example\rc@x.example\nd@x.example" });
    expect(summary(parsed.lines).map((line) => line[2])).toEqual(["a@x.example", "b@x.example", "c@x.example", "d@x.example"]);
  });

  it("reports blank lines, but not the newline that ends the file", () => {
    const parsed = parseLeavers({ text: "a@x.example\n\n   \nb@x.example\n" });
    expect(summary(parsed.lines)).toEqual([
      [1, "email", "a@x.example"],
      [2, "blank"],
      [3, "blank"],
      [4, "email", "b@x.example"],
    ]);
  });

  it("takes the address out of 'Name <address>', mailto: and quotes", () => {
    const parsed = parseLeavers({ text: 'Ada Lovelace <ada@x.example>\nmailto:bob@x.example\n"carol@x.example"\n' });
    expect(summary(parsed.lines).map((line) => line[2])).toEqual(["ada@x.example", "bob@x.example", "carol@x.example"]);
  });

  it("says why a line is unusable: two values, junk, too long, a broken e-mail", () => {
    const parsed = parseLeavers({
      text: ["a@x.example b@x.example", "ok@x.example\u0000\u0001", "bad\uFFFDbytes", `${"x".repeat(300)}@x.example`, "not@an-email", "@"].join("\n"),
    });
    const reasons = parsed.lines.map((line) => (line.status === "invalid" ? line.reason : line.status));
    expect(reasons).toEqual([
      expect.stringMatching(/More than one value/),
      expect.stringMatching(/Unreadable characters/),
      expect.stringMatching(/Unreadable characters/),
      expect.stringMatching(/Longer than 254/),
      expect.stringMatching(/Not a valid e-mail/),
      expect.stringMatching(/Not a valid e-mail/),
    ]);
    const junk = parsed.lines[1];
    expect(junk?.status === "invalid" && junk.text).toBe("ok@x.example\uFFFD\uFFFD");
  });

  it("reads a pasted CSV with a recognised header as CSV", () => {
    const parsed = parseLeavers({ text: "Name;E-mail\nAda;ada@x.example\n" });
    expect(parsed).toMatchObject({ format: "csv", delimiter: ";", column: { index: 1, name: "E-mail" } });
    expect(summary(parsed.lines)).toEqual([[2, "email", "ada@x.example"]]);
  });

  it("reads a one-column list with a header line as CSV", () => {
    const parsed = parseLeavers({ text: "Email\nada@x.example\n" });
    expect(parsed).toMatchObject({ format: "csv", column: { index: 0, name: "Email" } });
    expect(summary(parsed.lines)).toEqual([[2, "email", "ada@x.example"]]);
  });
});

describe("a CSV file with a header", () => {
  it("detects , ; and tab, and finds the e-mail column by its name", () => {
    for (const delimiter of [",", ";", "\t"]) {
      const csv = ["Name", "Department", "Email Address"].join(delimiter) + "\n" + ["Ada", "R&D", "ada@x.example"].join(delimiter) + "\n";
      const parsed = parseLeavers({ csv });
      expect(parsed).toMatchObject({ format: "csv", delimiter, column: { index: 2, name: "Email Address" } });
      expect(summary(parsed.lines)).toEqual([[2, "email", "ada@x.example"]]);
    }
  });

  it("reads German Excel's export: a byte-order mark, semicolons and German column names", () => {
    const csv = "\uFEFFName;E-Mail-Adresse;Abteilung\r\n\"Müller; Jörg\";joerg@x.example;Vertrieb\r\nÄnne;aenne@x.example;R&D\r\n";
    const parsed = parseLeavers({ csv });
    expect(parsed).toMatchObject({ format: "csv", delimiter: ";", header: ["Name", "E-Mail-Adresse", "Abteilung"], column: { index: 1 } });
    expect(summary(parsed.lines)).toEqual([
      [2, "email", "joerg@x.example"],
      [3, "email", "aenne@x.example"],
    ]);
    expect(parseLeavers({ csv: "\uFEFFBenutzername,Team\njdoe,R&D\n" }).column).toEqual({ index: 0, name: "Benutzername" });
    expect(parseLeavers({ csv: "\uFEFFEmail,Team\nada@x.example,R&D\n" }).column).toEqual({ index: 0, name: "Email" });
  });

  it("gives each unusable line a code as well as a reason", () => {
    const parsed = parseLeavers({ csv: 'id,email\n1,\n2\n3,not@an-email\n4,"open\n' });
    expect(parsed.lines.map((line) => (line.status === "invalid" ? line.code : line.status))).toEqual(["empty_cell", "short_row", "bad_email", "unclosed_quote"]);
  });

  it("reads quoted fields with delimiters, doubled quotes and newlines, counting lines right", () => {
    const csv = [
      "name,email,note",
      '"Lovelace, Ada",ada@x.example,"said ""hi"""',
      '"Two',
      'lines",bob@x.example,x',
      '"Carol", "carol@x.example" ,y',
      "",
    ].join("\r\n");
    const parsed = parseLeavers({ csv });
    expect(summary(parsed.lines)).toEqual([
      [2, "email", "ada@x.example"],
      [3, "email", "bob@x.example"],
      [5, "email", "carol@x.example"],
    ]);
  });

  it("reports blank rows, short rows, empty cells and a quote never closed, per line", () => {
    const csv = 'id,email\n\n1,\n2\n,,\n3,"dan@x.example\n';
    const parsed = parseLeavers({ csv, column: "email" });
    expect(summary(parsed.lines)).toEqual([
      [2, "blank"],
      [3, "invalid", 'No value in column "email".'],
      [4, "invalid", 'This row has 1 column(s); "email" is column 2.'],
      [5, "blank"],
      [6, "invalid", "A quote is opened and never closed."],
    ]);
  });

  it("reports a row of binary junk without giving up on the file", () => {
    const parsed = parseLeavers({ csv: "email\nada@x.example\n\u0000\u0000\u0007\u00ff\u0010\nbob@x.example\n" });
    expect(summary(parsed.lines)).toEqual([
      [2, "email", "ada@x.example"],
      [3, "invalid", expect.stringMatching(/Unreadable characters/)],
      [4, "email", "bob@x.example"],
    ]);
  });

  it("takes the column named by the caller, by name or 1-based number", () => {
    const csv = "Login,Manager\njdoe,boss@x.example\n";
    expect(parseLeavers({ csv, column: "manager" }).column).toEqual({ index: 1, name: "Manager" });
    expect(parseLeavers({ csv, column: "1" }).column).toEqual({ index: 0, name: "Login" });
    expect(parseLeavers({ csv }).column).toEqual({ index: 0, name: "Login" });
    const unknown = fileError(() => parseLeavers({ csv, column: "Email" }));
    expect(unknown).toMatchObject({ code: "unknown_column", header: ["Login", "Manager"] });
  });

  it("asks which column when no header names one", () => {
    const error = fileError(() => parseLeavers({ csv: "Name,Team\nAda,R&D\n" }));
    expect(error).toMatchObject({ code: "no_column", header: ["Name", "Team"] });
    expect(error.message).toMatch(/Which column/);
  });
});

describe("files that cannot be read at all", () => {
  it("refuses binary files, naming what they look like", () => {
    expect(fileError(() => parseLeavers({ csv: "PK\u0003\u0004\u0014\u0000\u0006\u0000binary" }))).toMatchObject({
      code: "binary_file",
      message: expect.stringMatching(/Excel workbook/),
    });
    const noise = Array.from({ length: 2000 }, (_, i) => String.fromCharCode(i % 32)).join("");
    expect(fileError(() => parseLeavers({ text: noise })).code).toBe("binary_file");
  });

  it("refuses an empty list", () => {
    expect(fileError(() => parseLeavers({ text: "" })).code).toBe("empty_file");
    expect(fileError(() => parseLeavers({ text: "\uFEFF \n\n" })).code).toBe("empty_file");
    expect(fileError(() => parseLeavers({ csv: "\n\n" })).code).toBe("empty_file");
  });

  it(`reads ${MAX_IMPORT_LINES} lines and refuses one more`, () => {
    const lines = Array.from({ length: MAX_IMPORT_LINES }, (_, i) => `user${i}@x.example`);
    expect(parseLeavers({ text: lines.join("\n") }).lines).toHaveLength(MAX_IMPORT_LINES);
    expect(parseLeavers({ csv: ["email", ...lines].join("\n") }).lines).toHaveLength(MAX_IMPORT_LINES);
    expect(fileError(() => parseLeavers({ text: [...lines, "one@more.example"].join("\n") })).code).toBe("too_many_lines");
    expect(fileError(() => parseLeavers({ csv: ["email", ...lines, "one@more.example"].join("\n") })).code).toBe(
      "too_many_lines",
    );
  });
});

describe("classifyValue", () => {
  it("lower-cases IDs and keeps e-mails and usernames as written", () => {
    expect(classifyValue(` ${ID.toUpperCase()} `)).toEqual({ value: ID, kind: "id" });
    expect(classifyValue("Ada@X.example")).toEqual({ value: "Ada@X.example", kind: "email" });
    expect(classifyValue("a.b-c_d")).toEqual({ value: "a.b-c_d", kind: "username" });
    expect(classifyValue("''")).toEqual({ code: "empty", reason: "Empty value." });
  });
});

describe("what HR pastes from other programs", () => {
  const codes = (lines: ParsedLine[]) => lines.map((line) => (line.status === "invalid" ? [line.line, line.code] : line.status === "value" ? [line.line, line.value] : [line.line, "blank"]));

  it("splits an Outlook address line into its people, each with the line's number", () => {
    const parsed = parseLeavers({ text: "ana@x.example; Bo Li <bo@y.example>;\nzoe@z.example" });
    expect(codes(parsed.lines)).toEqual([
      [1, "ana@x.example"],
      [1, "bo@y.example"],
      [2, "zoe@z.example"],
    ]);
    expect(codes(parseLeavers({ csv: 'email\n"ana@x.example, bo@y.example"' }).lines)).toEqual([
      [2, "ana@x.example"],
      [2, "bo@y.example"],
    ]);
  });

  it("says a formula cell is a formula and a bare name is a name", () => {
    const parsed = parseLeavers({ csv: 'Name;E-Mail\nA;=HYPERLINK("mailto:a@x.example")\nB;Jürgen Müller\nC;Müller, Jürgen' });
    expect(codes(parsed.lines)).toEqual([
      [2, "formula"],
      [3, "bare_name"],
      [4, "bare_name"],
    ]);
    // Not a name: two values that are not all e-mails stay "several values".
    expect(codes(parseLeavers({ text: "ana@x.example; bo" }).lines)).toEqual([[1, "several_values"]]);
  });
});

describe("a last-day column (issue 17)", () => {
  it("reads `Letzter Arbeitstag` beside `E-Mail` with German and ISO dates, and says when a cell is no date", () => {
    const parsed = parseLeavers({ csv: "E-Mail;Letzter Arbeitstag\r\na@x.example;31.12.2026\r\nb@x.example;2027-01-15\r\nc@x.example;bald\r\nd@x.example;\r\n" });
    expect(parsed.lastDayColumn).toEqual({ index: 1, name: "Letzter Arbeitstag" });
    const days = parsed.lines.map((line) => (line.status === "value" ? [line.value, line.lastDay ?? null] : null));
    expect(days).toEqual([
      ["a@x.example", { day: "2026-12-31", text: "31.12.2026" }],
      ["b@x.example", { day: "2027-01-15", text: "2027-01-15" }],
      ["c@x.example", { day: null, text: "bald" }],
      ["d@x.example", null],
    ]);
  });

  it.each(["Austrittsdatum", "last day", "Last working day", "End date", "termination date"])("knows the column %s", (name) => {
    expect(parseLeavers({ csv: `email,${name}\na@x.example,2026-12-31\n` }).lastDayColumn?.name).toBe(name);
  });

  it("a list without such a column has none", () => {
    expect(parseLeavers({ csv: "email,Name\na@x.example,Ada\n" }).lastDayColumn).toBeNull();
    expect(parseLeavers({ text: "a@x.example\n" }).lastDayColumn).toBeNull();
  });
});
