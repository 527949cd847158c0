import { describe, expect, it } from "vitest";
import { summarizeTiming } from "./timing-summary";

const line = (ms: number, files: [string, number][], failed: string[] = []) =>
  JSON.stringify({ ms, files: files.map(([file, fileMs]) => ({ file, ms: fileMs })), failed });

describe("summarizeTiming", () => {
  it("leaves out the first run, sorts the mutants' runs by length and names the files that failed late", () => {
    const log = [
      line(90_000, [["a.test.ts", 60_000]]),
      line(1_500, [["a.test.ts", 1_200]], ["a.test.ts"]),
      line(16_000, [["slow.test.ts", 15_600]], ["slow.test.ts"]),
      line(16_500, [["quick.test.ts", 400], ["slow.test.ts", 15_800]], ["slow.test.ts"]),
      line(30_000, [["a.test.ts", 1_000], ["slow.test.ts", 7_000]]),
      "",
    ].join("\n");
    expect(summarizeTiming(log)).toBe(
      [
        "4 mutant test runs, 64 s in all (test runners added together)",
        "  0–2 s                 1 runs       2 s",
        "  2–5 s                 0 runs       0 s",
        "  5–10 s                0 runs       0 s",
        "  10–20 s               2 runs      33 s",
        "  20–40 s               1 runs      30 s",
        "  40 s and over         0 runs       0 s",
        "failures that came after 10 s or more (a wait or timeout running out), by file:",
        "  slow.test.ts: 2 runs, 31 s",
      ].join("\n"),
    );
  });
});
