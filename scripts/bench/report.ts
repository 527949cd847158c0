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

/** One benchmark's section: title, description, metrics, extra tables and notes. */
export function renderSection({ benchmark, report }: BenchOutcome, date: Date): string {
  const lines = [`## ${benchmark.title}`, "", `Id: \`${benchmark.id}\`. ${benchmark.description}`, ""];
  lines.push(`Measured ${date.toISOString()}.`, "");
  lines.push("| metric | value | goal | met |", "|---|---:|---|---|");
  for (const row of report.rows) {
    const goal = row.goal ? `${row.goal.op} ${row.goal.value} ${row.unit}` : "";
    const met = meetsGoal(row);
    const value = row.pending !== undefined ? `_pending (${row.pending})_` : `${row.value} ${row.unit}`;
    const verdict = row.pending !== undefined ? "pending" : met === undefined ? "" : met ? "yes" : "**no**";
    lines.push(`| ${row.metric} | ${value} | ${goal} | ${verdict} |`);
  }
  for (const table of report.tables ?? []) {
    lines.push("", table.caption, "");
    lines.push(`| ${table.columns.join(" | ")} |`);
    lines.push(`|${table.columns.map((_, i) => (i === 0 ? "---" : "---:")).join("|")}|`);
    for (const cells of table.rows) lines.push(`| ${cells.join(" | ")} |`);
  }
  lines.push("", ...report.notes.map((note) => `- ${note}`), "");
  return lines.join("\n");
}

/** The sections of an existing report by benchmark id (each from its `## ` to the next). */
export function parseSections(markdown: string): Map<string, string> {
  const sections = new Map<string, string>();
  for (const chunk of markdown.split(/^(?=## )/m)) {
    const id = /^Id: `([^`]+)`/m.exec(chunk)?.[1];
    if (chunk.startsWith("## ") && id) sections.set(id, `${chunk.trimEnd()}\n`);
  }
  return sections;
}

/**
 * docs/PERFORMANCE.md: how to reproduce, where it ran, and one section per benchmark in the
 * registry's order. Benchmarks not run this time keep their section from `previous` (the old file).
 */
export function renderReport(
  outcomes: BenchOutcome[],
  date: Date,
  order: readonly string[],
  previous = "",
): string {
  const ran = outcomes.map((outcome) => outcome.benchmark.id);
  const lines = [
    "# Performance",
    "",
    "Measured by `npm run bench` (`scripts/bench/run.ts`), which rewrites this file. Run it on an otherwise idle",
    "machine; run one benchmark with `npm run bench -- <id>` (the other sections are kept as they were).",
    "Benchmarks register themselves in `scripts/bench/benchmarks.ts`.",
    "",
    `- Last command: \`${process.env.BENCH_BASELINE_DIR ? `BENCH_BASELINE_DIR=${process.env.BENCH_BASELINE_DIR} ` : ""}npm run bench${ran.length === order.length ? "" : ` -- ${ran.join(" ")}`}\``,
    `- Date: ${date.toISOString()}`,
    ...machineDescription().map((line) => `- ${line}`),
    "",
  ];
  const kept = parseSections(previous);
  for (const id of order) {
    const outcome = outcomes.find((candidate) => candidate.benchmark.id === id);
    const section = outcome ? renderSection(outcome, date) : kept.get(id);
    if (section) lines.push(section);
  }
  return lines.join("\n");
}
