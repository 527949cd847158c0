import { describe, expect, it } from "vitest";
import { type ParsedLine, classifyValue, parseLeavers } from "./parse-leavers";

const UNREADABLE = "Unreadable characters (binary data or a wrong encoding).";
const SEVERAL = "More than one value on this line: put one person per line, or upload a CSV with a header.";

/** Each line as [line, value] or [line, code, text shown]. */
function lines(parsed: ParsedLine[]) {
  return parsed.map((line) =>
    line.status === "value" ? [line.line, line.value] : line.status === "blank" ? [line.line, "blank"] : [line.line, line.code, line.text],
  );
}

describe("classifyValue: cleaning a value", () => {
  it("says a value with control characters is unreadable", () => {
    expect(classifyValue("ada@x.example\u0007")).toEqual({ code: "unreadable", reason: UNREADABLE });
  });

  it("takes quotes off after trimming the spaces around them", () => {
    expect(classifyValue("  'ada@x.example'  ")).toEqual({ value: "ada@x.example", kind: "email" });
    expect(classifyValue(' "jdoe" ')).toEqual({ value: "jdoe", kind: "username" });
  });

  it("trims spaces that were inside the quotes", () => {
    expect(classifyValue('" ada@x.example "')).toEqual({ value: "ada@x.example", kind: "email" });
  });

  it("takes off several quotes at either end, but no quote in the middle", () => {
    expect(classifyValue(`"'ada@x.example'"`)).toEqual({ value: "ada@x.example", kind: "email" });
    expect(classifyValue('""ada@x.example')).toEqual({ value: "ada@x.example", kind: "email" });
    expect(classifyValue('ada@x.example""')).toEqual({ value: "ada@x.example", kind: "email" });
    expect(classifyValue("o'neil@x.example")).toEqual({ value: "o'neil@x.example", kind: "email" });
    expect(classifyValue("o'neil@x'y.example")).toEqual({ code: "bad_email", reason: "Not a valid e-mail address." });
  });

  it("removes mailto: only at the start", () => {
    expect(classifyValue("MAILTO:ada@x.example")).toEqual({ value: "ada@x.example", kind: "email" });
    expect(classifyValue("team.mailto:box")).toEqual({ value: "team.mailto:box", kind: "username" });
  });

  it(`accepts a value of 254 characters and refuses 255`, () => {
    const at254 = `${"a".repeat(244)}@x.example`;
    expect(at254).toHaveLength(254);
    expect(classifyValue(at254)).toEqual({ value: at254, kind: "email" });
    expect(classifyValue(`a${at254}`)).toEqual({ code: "too_long", reason: "Longer than 254 characters." });
  });

  it("takes an apostrophe inside a username, and says a value with double quotes or angle brackets inside is none of e-mail, username or ID", () => {
    const unrecognised = { code: "unrecognised", reason: "Not an e-mail address, a username or a Workfront ID." };
    expect(classifyValue("o'neil")).toEqual({ value: "o'neil", kind: "username" });
    expect(classifyValue('a"b')).toEqual(unrecognised);
    expect(classifyValue("a<b")).toEqual(unrecognised);
  });
});

describe("what the report shows of a bad line", () => {
  it("trims the line", () => {
    expect(lines(parseLeavers({ text: "  two words@x  \n" }).lines)).toEqual([[1, "several_values", "two words@x"]]);
  });

  it("shows up to 80 characters as they are, and cuts a longer line at 79 with an ellipsis", () => {
    const eighty = `${"1".repeat(39)} ${"2".repeat(40)}`;
    const longer = `${"1".repeat(50)} ${"2".repeat(50)}`;
    expect(eighty).toHaveLength(80);
    expect(lines(parseLeavers({ text: `${eighty}\n${longer}` }).lines)).toEqual([
      [1, "several_values", eighty],
      [2, "several_values", `${"1".repeat(50)} ${"2".repeat(28)}…`],
    ]);
  });

  it("shows a cell's line breaks as one space each", () => {
    const parsed = parseLeavers({ csv: 'email\n"ana1 bo2\r\nli3\ncy4"\n' });
    expect(lines(parsed.lines)).toEqual([[2, "several_values", "ana1 bo2 li3 cy4"]]);
    expect(parsed.lines[0]).toMatchObject({ reason: SEVERAL });
  });
});

describe("an Outlook address line", () => {
  it("ignores the spaces after the last separator", () => {
    expect(lines(parseLeavers({ text: "ana@x.example; \nbo@y.example,  " }).lines)).toEqual([
      [1, "ana@x.example"],
      [2, "bo@y.example"],
    ]);
  });

  it("reports a line of separators only, rather than dropping it", () => {
    expect(lines(parseLeavers({ text: "ana@x.example\n ; \n,,\nbo@y.example" }).lines)).toEqual([
      [1, "ana@x.example"],
      [2, "several_values", ";"],
      [3, "several_values", ",,"],
      [4, "bo@y.example"],
    ]);
  });
});
