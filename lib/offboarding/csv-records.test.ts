import { describe, expect, it } from "vitest";
import { detectDelimiter, readCsvRecords } from "./csv-records";

const cellsOf = (text: string, delimiter: "," | ";" | "\t" | null = ",") => readCsvRecords(text, delimiter).map((record) => record.cells);

describe("readCsvRecords", () => {
  it("reads a quoted field at the very start of the text", () => {
    expect(readCsvRecords('"Lovelace, Ada",ada@x.example', ",")).toEqual([{ line: 1, cells: ["Lovelace, Ada", "ada@x.example"], unclosed: false }]);
  });

  it("turns a doubled quote inside quotes into one quote", () => {
    expect(cellsOf('"say ""hi""",x')).toEqual([['say "hi"', "x"]]);
    expect(cellsOf('"a""b"')).toEqual([['a"b']]);
  });

  it("keeps a quote in the middle of an unquoted field as text", () => {
    expect(cellsOf('x"y,z')).toEqual([['x"y', "z"]]);
  });

  it("keeps what follows a closing quote as text, quotes included", () => {
    expect(cellsOf('"a" "b",c')).toEqual([['a "b"', "c"]]);
  });

  it("allows spaces before an opening quote", () => {
    expect(cellsOf('a, "b, c"')).toEqual([["a", " b, c"]]);
  });

  it("ends records at a lone CR, at LF and at CRLF, numbering lines from 1", () => {
    expect(readCsvRecords("a\rb\nc\r\nd", null)).toEqual([
      { line: 1, cells: ["a"], unclosed: false },
      { line: 2, cells: ["b"], unclosed: false },
      { line: 3, cells: ["c"], unclosed: false },
      { line: 4, cells: ["d"], unclosed: false },
    ]);
  });

  it("counts a lone CR, LF and CRLF inside quotes as one line each", () => {
    const records = readCsvRecords('"a\rb\nc\r\nd",x\ny,z', ",");
    expect(records).toEqual([
      { line: 1, cells: ["a\rb\nc\r\nd", "x"], unclosed: false },
      { line: 5, cells: ["y", "z"], unclosed: false },
    ]);
  });

  it("keeps a last record that ends in a delimiter, with its empty last cell", () => {
    expect(readCsvRecords("a,", ",")).toEqual([{ line: 1, cells: ["a", ""], unclosed: false }]);
  });

  it("marks a record whose quote never closes", () => {
    expect(readCsvRecords('id,email\n1,"open\nrest', ",")).toEqual([
      { line: 1, cells: ["id", "email"], unclosed: false },
      { line: 2, cells: ["1", "open\nrest"], unclosed: true },
    ]);
  });

  it("does not split without a delimiter", () => {
    expect(cellsOf("a,b;c\td", null)).toEqual([["a,b;c\td"]]);
  });
});

describe("detectDelimiter", () => {
  it("takes the most frequent of comma, semicolon and tab", () => {
    expect(detectDelimiter("a;b;c,d")).toBe(";");
    expect(detectDelimiter("a\tb\tc;d")).toBe("\t");
    expect(detectDelimiter("a,b")).toBe(",");
  });

  it("ignores delimiters inside quotes", () => {
    expect(detectDelimiter('"Name; first; last",email')).toBe(",");
    expect(detectDelimiter('"a,b,c";d')).toBe(";");
  });

  it("finds none in a one-column header", () => {
    expect(detectDelimiter("email")).toBeNull();
    expect(detectDelimiter("")).toBeNull();
  });
});
