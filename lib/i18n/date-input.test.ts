import { describe, expect, it } from "vitest";
import { formatTypedDate, parseTypedDate } from "./date-input";

describe("dates as typed in the UI's language", () => {
  it("reads ISO and German dates, whatever the language", () => {
    expect(parseTypedDate("2026-03-29")).toBe("2026-03-29");
    expect(parseTypedDate(" 29.03.2026 ")).toBe("2026-03-29");
    expect(parseTypedDate("1.4.2026")).toBe("2026-04-01");
    expect(parseTypedDate("2026-4-1")).toBeNull();
  });

  it("refuses what is not a calendar day, and other forms", () => {
    for (const text of ["", "31.02.2026", "2026-13-01", "29/03/2026", "03/29/2026", "29.03.26", "tomorrow", "0999-01-01"]) {
      expect(parseTypedDate(text), text).toBeNull();
    }
    expect(parseTypedDate("29.02.2028")).toBe("2028-02-29");
  });

  it("writes a date as the language does", () => {
    expect(formatTypedDate("2026-03-29", "en")).toBe("2026-03-29");
    expect(formatTypedDate("2026-03-29", "de")).toBe("29.03.2026");
    expect(formatTypedDate("not a date", "de")).toBe("not a date");
  });
});
