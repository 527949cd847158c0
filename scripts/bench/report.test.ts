import { describe, expect, it } from "vitest";
import type { Benchmark, BenchReport } from "./registry";
import { parseSections, renderReport } from "./report";

const bench = (id: string): Benchmark => ({
  id,
  title: `Bench ${id}`,
  description: `About ${id}.`,
  run: async () => ({ rows: [], notes: [] }),
});

const report: BenchReport = {
  rows: [
    { metric: "fast", value: 5, unit: "ms", goal: { op: "<", value: 10 } },
    { metric: "job", value: 0, unit: "s", goal: { op: "<=", value: 12.5 }, pending: "issue 4" },
  ],
  tables: [{ caption: "Side by side:", columns: ["method", "time"], rows: [["a", "1 s"]] }],
  notes: ["a note"],
};

describe("the performance report", () => {
  it("renders goals, pending rows and extra tables", () => {
    const text = renderReport([{ benchmark: bench("x"), report }], new Date(0), ["x"]);
    expect(text).toContain("| fast | 5 ms | < 10 ms | yes |");
    expect(text).toContain("| job | _pending (issue 4)_ | <= 12.5 s | pending |");
    expect(text).toContain("Side by side:\n\n| method | time |\n|---|---:|\n| a | 1 s |");
    expect(text).toContain("- a note");
  });

  it("keeps the sections of benchmarks not run this time, in the registry's order", () => {
    const first = renderReport(
      [
        { benchmark: bench("x"), report },
        { benchmark: bench("y"), report: { rows: [], notes: ["old y"] } },
      ],
      new Date(0),
      ["x", "y"],
    );
    expect([...parseSections(first).keys()]).toEqual(["x", "y"]);
    const second = renderReport(
      [{ benchmark: bench("x"), report: { rows: [], notes: ["new x"] } }],
      new Date(1000),
      ["x", "y", "z"],
      first,
    );
    expect(second).toContain("- new x");
    expect(second).toContain("- old y");
    expect(second).not.toContain("- a note");
    expect(second.indexOf("## Bench x")).toBeLessThan(second.indexOf("## Bench y"));
    expect(second).toContain("Last command: `npm run bench -- x`");
    expect(second).not.toContain("Bench z");
  });
});
