import { cpus, platform, release, totalmem, arch } from "node:os";
import { type BenchReport, type Benchmark, meetsGoal } from "./registry";

export interface BenchOutcome {
  benchmark: Benchmark;
  report: BenchReport;
}

export function machineDescription(): string[] {
  const cpuList = cpus();
  const model = cpuList[0]?.model.trim() ?? "unknown CPU";
  return [
    `Machine: ${platform()} ${release()} ${arch()}, ${cpuList.length} × ${model}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB RAM`,
    `Node: ${process.version}`,
  ];
}

/** docs/PERFORMANCE.md: how to reproduce, where it ran, and one table per benchmark. */
export function renderReport(outcomes: BenchOutcome[], date: Date): string {
  const lines = [
    "# Performance",
    "",
    "Measured by `npm run bench` (`scripts/bench/run.ts`), which rewrites this file. Run it on an otherwise idle",
    "machine; run one benchmark with `npm run bench -- <id>`. Benchmarks register themselves in",
    "`scripts/bench/benchmarks.ts`.",
    "",
    `- Command: \`npm run bench\``,
    `- Date: ${date.toISOString()}`,
    ...machineDescription().map((line) => `- ${line}`),
    "",
  ];
  for (const { benchmark, report } of outcomes) {
    lines.push(`## ${benchmark.title}`, "", `Id: \`${benchmark.id}\`. ${benchmark.description}`, "");
    lines.push("| metric | value | goal | met |", "|---|---:|---|---|");
    for (const row of report.rows) {
      const goal = row.goal ? `${row.goal.op} ${row.goal.value} ${row.unit}` : "";
      const met = meetsGoal(row);
      lines.push(
        `| ${row.metric} | ${row.value} ${row.unit} | ${goal} | ${met === undefined ? "" : met ? "yes" : "**no**"} |`,
      );
    }
    lines.push("", ...report.notes.map((note) => `- ${note}`), "");
  }
  return lines.join("\n");
}
