import { describe, expect, it } from "vitest";
import { dayIn } from "@/lib/time/zoned-day";
import { dueAtFor, parseLastDay, wallTime, zonedInstant } from "./due-time";

/** Fixed instants only: nothing here depends on the day the test runs. */
describe("due times in the organisation's zone", () => {
  it("defaults to the end of the day in the zone", () => {
    expect(dueAtFor({ day: "2026-12-31" }, "Europe/Berlin").toISOString()).toBe("2026-12-31T22:59:59.999Z");
    expect(dueAtFor({ day: "2026-07-01" }, "Europe/Berlin").toISOString()).toBe("2026-07-01T21:59:59.999Z");
    expect(dueAtFor({ day: "2026-12-31" }, "UTC").toISOString()).toBe("2026-12-31T23:59:59.999Z");
    expect(dueAtFor({ day: "2026-12-31" }, "America/New_York").toISOString()).toBe("2027-01-01T04:59:59.999Z");
  });

  it("ends a DST-change day at its own midnight: 23 hours in March, 25 in October (Europe/Berlin)", () => {
    // 2026-03-29: clocks go 02:00 → 03:00; the day ends at 22:00Z (CEST), not 23:00Z.
    expect(dueAtFor({ day: "2026-03-29" }, "Europe/Berlin").toISOString()).toBe("2026-03-29T21:59:59.999Z");
    expect(dueAtFor({ day: "2026-03-28" }, "Europe/Berlin").toISOString()).toBe("2026-03-28T22:59:59.999Z");
    // 2026-10-25: clocks go 03:00 → 02:00; the day ends at 23:00Z (CET).
    expect(dueAtFor({ day: "2026-10-25" }, "Europe/Berlin").toISOString()).toBe("2026-10-25T22:59:59.999Z");
    expect(dueAtFor({ day: "2026-10-24" }, "Europe/Berlin").toISOString()).toBe("2026-10-24T21:59:59.999Z");
  });

  it("reads a time of day on the zone's wall clock, across the change", () => {
    expect(dueAtFor({ day: "2026-03-29", time: "01:30" }, "Europe/Berlin").toISOString()).toBe("2026-03-29T00:30:00.000Z");
    expect(dueAtFor({ day: "2026-03-29", time: "18:00" }, "Europe/Berlin").toISOString()).toBe("2026-03-29T16:00:00.000Z");
    expect(dueAtFor({ day: "2026-10-25", time: "18:00" }, "Europe/Berlin").toISOString()).toBe("2026-10-25T17:00:00.000Z");
  });

  it("a skipped wall time runs later, never earlier; a repeated one at its second occurrence", () => {
    const skipped = zonedInstant("2026-03-29", "02:30", "Europe/Berlin");
    expect(skipped.toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(wallTime(skipped, "Europe/Berlin")).toBe("03:30");
    const repeated = zonedInstant("2026-10-25", "02:30", "Europe/Berlin");
    expect(repeated.toISOString()).toBe("2026-10-25T01:30:00.000Z");
    expect(dayIn(repeated, "Europe/Berlin")).toBe("2026-10-25");
  });

  it("refuses days and times that do not exist", () => {
    expect(() => dueAtFor({ day: "2026-02-30" }, "UTC")).toThrow(RangeError);
    expect(() => dueAtFor({ day: "2026-02-01", time: "24:00" }, "UTC")).toThrow(RangeError);
  });
});

describe("last days as HR writes them", () => {
  it.each([
    ["2026-12-31", "2026-12-31"],
    ["31.12.2026", "2026-12-31"],
    ["1.2.2026", "2026-02-01"],
    ["31.12.26", "2026-12-31"],
    [" 2026-03-29T00:00:00Z ", "2026-03-29"],
  ])("%s → %s", (text, day) => {
    expect(parseLastDay(text)).toBe(day);
  });

  it.each(["", "31.02.2026", "2026-13-01", "12/31/2026", "morgen"])("%s → null", (text) => {
    expect(parseLastDay(text)).toBeNull();
  });
});
