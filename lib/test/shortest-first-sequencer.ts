import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/**
 * The test-file order for mutation runs (vitest.config.mts, under MUTATION_MODULE): the files that
 * last ran shortest first, files never run before them.
 *
 * Stryker runs each mutant's tests with `bail: 1`, so a mutant is caught as soon as one file fails.
 * Vitest's own order puts the file that failed last time first: under mutation that is often a
 * file whose job never finished and failed only when a wait ran out, so it cost every following
 * mutant the whole wait again, even when a sub-second file would have caught it. Shortest first
 * reaches the quick failures first, and a file that stalled goes to the back (its time is now long).
 */
export class ShortestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const lastDuration = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(root, file.moduleId)}`)?.duration ?? -1;
    return [...files].sort((a, b) => lastDuration(a) - lastDuration(b));
  }
}
