import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { BENCHMARKS } from "./benchmarks";
import { meetsGoal } from "./registry";
import { type BenchOutcome, renderReport } from "./report";

/** `npm run bench [-- <id> …]`: runs the registered benchmarks and writes docs/PERFORMANCE.md. */
const REPORT_PATH = join(__dirname, "..", "..", "docs", "PERFORMANCE.md");

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((id) => !BENCHMARKS.some((b) => b.id === id));
  if (unknown.length > 0) {
    throw new Error(
      `Unknown benchmark(s): ${unknown.join(", ")}. Known: ${BENCHMARKS.map((b) => b.id).join(", ")}`,
    );
  }
  const selected = wanted.length > 0 ? BENCHMARKS.filter((b) => wanted.includes(b.id)) : BENCHMARKS;
  const outcomes: BenchOutcome[] = [];
  for (const benchmark of selected) {
    console.log(`▶ ${benchmark.id}`);
    const report = await benchmark.run();
    for (const row of report.rows) {
      if (row.pending !== undefined) {
        console.log(`  ${row.metric}: pending (${row.pending})`);
        continue;
      }
      const met = meetsGoal(row);
      const verdict = met === undefined ? "" : met ? "  ok" : "  MISSED GOAL";
      console.log(`  ${row.metric}: ${row.value} ${row.unit}${verdict}`);
    }
    outcomes.push({ benchmark, report });
  }
  mkdirSync(dirname(REPORT_PATH), { recursive: true });
  const previous = existsSync(REPORT_PATH) ? readFileSync(REPORT_PATH, "utf8") : "";
  const order = BENCHMARKS.map((b) => b.id);
  writeFileSync(REPORT_PATH, renderReport(outcomes, new Date(), order, previous));
  console.log(`Wrote ${REPORT_PATH}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
