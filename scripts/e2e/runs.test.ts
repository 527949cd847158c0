import { describe, expect, it } from "vitest";
import { DEFAULT_ANCHOR_DAYS, anchorDays, isAnchorDay } from "./anchor-days";
import { describeOutcome, outcomeOf } from "./run-playwright";
import { shuffled } from "./shuffle";

describe("anchor days", () => {
  it("include the issue's day, a European daylight-saving change and a leap day, six in all", () => {
    expect(DEFAULT_ANCHOR_DAYS).toHaveLength(6);
    expect(new Set(DEFAULT_ANCHOR_DAYS).size).toBe(6);
    expect(DEFAULT_ANCHOR_DAYS).toEqual(expect.arrayContaining(["2026-12-06", "2027-03-28", "2028-02-29"]));
    expect(DEFAULT_ANCHOR_DAYS.every(isAnchorDay)).toBe(true);
  });

  it("take the days given, and refuse one that is not a day", () => {
    expect(anchorDays([])).toEqual(DEFAULT_ANCHOR_DAYS);
    expect(anchorDays(["2027-10-31"])).toEqual(["2027-10-31"]);
    expect(() => anchorDays(["2027-02-29"])).toThrow("Not a day (YYYY-MM-DD): 2027-02-29");
    expect(() => anchorDays(["31.10.2027"])).toThrow(/31\.10\.2027/);
  });
});

describe("shuffled", () => {
  const specs = ["a", "b", "c", "d", "e", "f", "g", "h"];

  it("gives the same order for a seed, and a different one for another seed", () => {
    expect(shuffled(specs, 42)).toEqual(shuffled(specs, 42));
    expect(shuffled(specs, 42)).not.toEqual(shuffled(specs, 43));
  });

  it("keeps every item once and leaves the input alone", () => {
    const copy = [...specs];
    expect([...shuffled(specs, 7)].sort()).toEqual(specs);
    expect(specs).toEqual(copy);
  });
});

describe("outcomeOf", () => {
  it("reads Playwright's JSON stats", () => {
    const report = JSON.stringify({ stats: { expected: 70, unexpected: 2, flaky: 1, skipped: 0, duration: 412_345.6 } });
    const outcome = outcomeOf(1, report);
    expect(outcome).toEqual({ exitCode: 1, passed: 70, failed: 2, flaky: 1, skipped: 0, seconds: 412 });
    expect(describeOutcome(outcome)).toBe("FAILED: 70 passed, 2 failed, 1 flaky, 0 skipped in 412 s");
  });

  it("counts nothing for a run that wrote no report, and still fails it by its exit code", () => {
    expect(outcomeOf(1, undefined)).toEqual({ exitCode: 1, passed: 0, failed: 0, flaky: 0, skipped: 0, seconds: 0 });
    expect(outcomeOf(1, "not json")).toMatchObject({ exitCode: 1, passed: 0 });
    expect(describeOutcome(outcomeOf(0, JSON.stringify({ stats: { expected: 3 } })))).toMatch(/^passed: 3 passed/);
  });
});
