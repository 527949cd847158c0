import { describe, expect, it } from "vitest";
import { endOfDay, startOfDay } from "./zoned-day";

describe("days in a time zone", () => {
  it("are whole UTC days in UTC", () => {
    expect(startOfDay("2024-02-29", "UTC").toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(endOfDay("2024-02-29", "UTC").toISOString()).toBe("2024-02-29T23:59:59.999Z");
  });

  it("start at the zone's midnight, in winter and in summer", () => {
    expect(startOfDay("2025-01-15", "Europe/Berlin").toISOString()).toBe("2025-01-14T23:00:00.000Z");
    expect(startOfDay("2025-07-15", "Europe/Berlin").toISOString()).toBe("2025-07-14T22:00:00.000Z");
    expect(startOfDay("2025-07-15", "America/New_York").toISOString()).toBe("2025-07-15T04:00:00.000Z");
    expect(startOfDay("2025-07-15", "Asia/Kolkata").toISOString()).toBe("2025-07-14T18:30:00.000Z");
  });

  it("last 23 or 25 hours on the nights the clocks change", () => {
    const hours = (day: string, zone: string) => (endOfDay(day, zone).getTime() + 1 - startOfDay(day, zone).getTime()) / 3_600_000;
    expect(hours("2025-03-30", "Europe/Berlin")).toBe(23);
    expect(hours("2025-10-26", "Europe/Berlin")).toBe(25);
    expect(hours("2025-11-02", "America/New_York")).toBe(25);
  });
});
