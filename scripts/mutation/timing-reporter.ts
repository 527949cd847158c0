import { appendFileSync } from "node:fs";
import { relative } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

/**
 * A Vitest reporter for mutation runs (`npm run test:mutation -- <module> --timing`): one JSON line
 * per test run (Stryker's first run, then one per mutant) in MUTATION_TIMING_LOG, with how long it
 * took, which files ran and which failed. scripts/mutation/timing-summary.ts reads it. It is how
 * the cost of a mutant that stalls a job's tests was found (docs/TESTING.md).
 */
export default class TimingReporter implements Reporter {
  private started = 0;
  private ran: TestModule[] = [];

  onTestRunStart(): void {
    this.started = performance.now();
    this.ran = [];
  }

  onTestModuleEnd(module: TestModule): void {
    this.ran.push(module);
  }

  onTestRunEnd(): void {
    const log = process.env.MUTATION_TIMING_LOG;
    if (!log) return;
    const file = (module: TestModule) => relative(process.cwd(), module.moduleId);
    const line = {
      at: new Date().toISOString(),
      ms: Math.round(performance.now() - this.started),
      files: this.ran.map((module) => ({ file: file(module), ms: Math.round(module.diagnostic().duration) })),
      failed: this.ran.filter((module) => module.state() === "failed").map(file),
    };
    appendFileSync(log, `${JSON.stringify(line)}\n`);
  }
}
