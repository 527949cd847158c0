import { describe, expect, it } from "vitest";
import { formatWfDate, parseWfDate, tenantDay } from "./wf-date";

describe("Workfront dates", () => {
  it("formats with a colon before the milliseconds and no colon in the offset", () => {
    expect(formatWfDate(Date.UTC(2024, 0, 31, 17, 0, 0, 5))).toBe("2024-01-31T10:00:00:005-0700");
    expect(formatWfDate(Date.UTC(2024, 0, 1, 3, 4, 5, 600))).toBe("2023-12-31T20:04:05:600-0700");
  });

  it("reads its own format, ISO-8601 with Z or an offset, and bare dates", () => {
    const instant = Date.UTC(2020, 4, 13, 18, 18, 37, 255);
    expect(parseWfDate("2020-05-13T11:18:37:255-0700")).toBe(instant);
    expect(parseWfDate("2020-05-13T18:18:37.255Z")).toBe(instant);
    expect(parseWfDate("2020-05-13T20:18:37.255+02:00")).toBe(instant);
    expect(parseWfDate("2020-05-13T20:18:37.255+0200")).toBe(instant);
    expect(parseWfDate("2020-05-13")).toBe(Date.UTC(2020, 4, 13, 7));
    expect(formatWfDate(parseWfDate("2017-03-23T09:00:00:000+0400")!)).toBe("2017-03-22T22:00:00:000-0700");
  });

  it("agrees with a plain Date-based formatter across many instants", () => {
    const naive = (ms: number): string => {
      const d = new Date(ms - 7 * 3_600_000);
      const p = (n: number, w = 2) => String(n).padStart(w, "0");
      return `${p(d.getUTCFullYear(), 4)}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())}T${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}:${p(d.getUTCMilliseconds(), 3)}-0700`;
    };
    for (let i = 0; i < 2000; i++) {
      const ms = Math.floor(Date.UTC(1995, 0, 1) + ((i * 7919) % 2000) * 86_400_000 * 7.3 + i * 1_234_567);
      expect(formatWfDate(ms)).toBe(naive(ms));
    }
  });

  it("round-trips its output", () => {
    const ms = Date.UTC(2025, 6, 4, 12, 34, 56, 789);
    expect(parseWfDate(formatWfDate(ms))).toBe(ms);
  });

  it("resolves $$TODAY and $$NOW with offsets against the tenant's day", () => {
    const now = Date.UTC(2024, 1, 1, 19); // 12:00 tenant time
    expect(parseWfDate("$$NOW", now)).toBe(now);
    expect(parseWfDate("$$TODAY", now)).toBe(Date.UTC(2024, 1, 1, 7));
    expect(parseWfDate("$$TODAY-7d", now)).toBe(Date.UTC(2024, 0, 25, 7));
    expect(parseWfDate("$$TODAY+1m-1d", now)).toBe(Date.UTC(2024, 1, 29, 7));
    expect(parseWfDate("$$NOW-2h", now)).toBe(now - 7_200_000);
  });

  it("refuses text that is not a date", () => {
    for (const text of ["yesterday", "2024-13-45", "31/01/2024", "", "$$TOMORROW"])
      expect(parseWfDate(text)).toBeNull();
  });

  it("counts days in the tenant's zone", () => {
    expect(tenantDay(Date.UTC(2024, 1, 1, 6, 59))).toBe(tenantDay(Date.UTC(2024, 0, 31, 7)));
    expect(tenantDay(Date.UTC(2024, 1, 1, 7))).toBe(tenantDay(Date.UTC(2024, 0, 31, 7)) + 1);
  });
});
