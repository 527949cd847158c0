/**
 * The shape every benchmark shares. A benchmark registers itself by adding one line to the list
 * in `benchmarks.ts`; `run.ts` runs them in order and writes docs/PERFORMANCE.md.
 */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The target, e.g. { op: "<", value: 30 }; rows without one are informational. */
  goal?: { op: "<" | "<=" | ">" | ">="; value: number };
}

export interface BenchReport {
  rows: BenchRow[];
  /** Extra facts for the reader: sample counts, result sizes… */
  notes: string[];
}

export interface Benchmark {
  id: string;
  title: string;
  /** What is measured and why the goal is what it is, in one or two sentences. */
  description: string;
  run(): Promise<BenchReport>;
}

export function meetsGoal(row: BenchRow): boolean | undefined {
  if (!row.goal) return undefined;
  const { op, value } = row.goal;
  if (op === "<") return row.value < value;
  if (op === "<=") return row.value <= value;
  if (op === ">") return row.value > value;
  return row.value >= value;
}
