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
  /** Not measured yet, and why (e.g. "issue 4"): the row is shown as pending, `value` ignored. */
  pending?: string;
}

/** A free-form table printed under the metrics, e.g. several methods side by side. */
export interface BenchTable {
  caption: string;
  columns: string[];
  /** Cells as text; the first column is left-aligned, the others right-aligned. */
  rows: string[][];
}

export interface BenchReport {
  rows: BenchRow[];
  tables?: BenchTable[];
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
  if (!row.goal || row.pending !== undefined) return undefined;
  const { op, value } = row.goal;
  if (op === "<") return row.value < value;
  if (op === "<=") return row.value <= value;
  if (op === ">") return row.value > value;
  return row.value >= value;
}
