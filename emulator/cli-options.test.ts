import { describe, expect, it } from "vitest";
import { FLAGS, SWITCHES, USAGE, parseOptions, switchesOn } from "./cli-options";
import { resolveOptions } from "./config";

describe("the emulator's command line", () => {
  it("--help names every flag", () => {
    expect(parseOptions(["--help"])).toBeNull();
    for (const name of Object.keys(FLAGS)) expect(USAGE, name).toMatch(new RegExp(`--${name}\\b`));
    expect(USAGE).not.toContain("--allow-self-deactivation");
  });

  it("leaves every switch off unless given, and turns each on by its flag", () => {
    const none = parseOptions([]);
    expect(switchesOn(none!)).toEqual([]);
    const runtime = resolveOptions(none!, {}).runtime;
    for (const name of SWITCHES) expect(runtime[name], name).toBe(false);

    const all = parseOptions([
      "--batch",
      "--read-put-form-bodies",
      "--refuse-self-deactivation",
      "--clear-deactivation-date-on-reactivation",
      "--jwt-refresh-tokens",
      "--any-version",
      "--string-enums-only",
      "--ims",
      "--read-only-approvers",
      "--read-only-checkouts",
      "--refuse-inactive-assignee",
    ]);
    expect(switchesOn(all!)).toEqual([...SWITCHES]);
    expect(() => parseOptions(["--allow-self-deactivation"])).toThrow();
  });

  it("reads the throttle mode, the per-object cost and the anchor day", () => {
    expect(
      parseOptions(["--throttle", "503", "--per-object-cost", "2.5", "--anchor-day", "2026-12-06"]),
    ).toMatchObject({ throttle: "503", perObjectCostMs: 2.5, anchorDay: "2026-12-06" });
    expect(() => parseOptions(["--throttle", "418"])).toThrow(/429, 500, 503/);
    expect(() => parseOptions(["--per-object-cost", "lots"])).toThrow(/number/);
    expect(() => parseOptions(["--batch-uri-cost", "5"])).toThrow();
  });
});
