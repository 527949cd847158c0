/**
 * Reads a mutation run's timing log (scripts/mutation/timing-reporter.ts) and says where the time
 * went: test runs by length, and the files whose failures came late (a wait or a timeout running
 * out) — the ones to look at when a run is slow.
 */
interface TimingLine {
  ms: number;
  files: { file: string; ms: number }[];
  failed: string[];
}

const BUCKETS = [2_000, 5_000, 10_000, 20_000, 40_000, Number.POSITIVE_INFINITY];
/** A run that failed only after this long most likely waited for something a mutant stopped. */
const LATE_MS = 10_000;

const seconds = (ms: number) => `${Math.round(ms / 1_000).toLocaleString("en")} s`;

export function summarizeTiming(log: string): string {
  const lines = log
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TimingLine);
  // The first line is Stryker's first run (every test, with coverage), not a mutant's.
  const mutantRuns = lines.slice(1);
  const total = mutantRuns.reduce((sum, run) => sum + run.ms, 0);
  const out = [`${mutantRuns.length} mutant test runs, ${seconds(total)} in all (test runners added together)`];
  let from = 0;
  for (const upTo of BUCKETS) {
    const runs = mutantRuns.filter((run) => run.ms >= from && run.ms < upTo);
    const label = upTo === Number.POSITIVE_INFINITY ? `${from / 1_000} s and over` : `${from / 1_000}–${upTo / 1_000} s`;
    out.push(`  ${label.padEnd(16)} ${String(runs.length).padStart(6)} runs ${seconds(runs.reduce((s, r) => s + r.ms, 0)).padStart(9)}`);
    from = upTo;
  }
  const late = new Map<string, { runs: number; ms: number }>();
  for (const run of mutantRuns) {
    for (const file of run.failed) {
      const ms = run.files.find((entry) => entry.file === file)?.ms ?? 0;
      if (ms < LATE_MS) continue;
      const entry = late.get(file) ?? { runs: 0, ms: 0 };
      late.set(file, { runs: entry.runs + 1, ms: entry.ms + ms });
    }
  }
  if (late.size > 0) {
    out.push(`failures that came after ${LATE_MS / 1_000} s or more (a wait or timeout running out), by file:`);
    for (const [file, entry] of [...late].sort((a, b) => b[1].ms - a[1].ms).slice(0, 10))
      out.push(`  ${file}: ${entry.runs} runs, ${seconds(entry.ms)}`);
  }
  return out.join("\n");
}
