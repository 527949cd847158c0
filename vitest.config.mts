import { fileURLToPath } from "node:url";
import { relative } from "node:path";
import { configDefaults, defineConfig } from "vitest/config";
import { BaseSequencer, type TestSpecification } from "vitest/node";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Tests whose subject runs in child processes (workers, the embedded server) they start. */
const SPAWNING_TESTS = ["lib/jobs/processes.test.ts", "lib/reassign/crash.test.ts", "lib/db/embedded/server.test.ts"];

/**
 * The test-file order for mutation runs: the files that last ran shortest first, files never run
 * before them. Stryker runs each mutant's tests with `bail: 1`, so a mutant is caught as soon as one
 * file fails. Vitest's own order puts the file that failed last time first: under mutation that is
 * often a file whose job never finished and failed only when a wait ran out, so it cost each
 * following mutant the whole wait again, even where a sub-second file would have failed too.
 * Shortest first reaches the quick failures first, and a file that stalled goes to the back.
 */
class ShortestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const lastDuration = (file: TestSpecification) =>
      this.ctx.cache.getFileTestResults(`${file.project.name}:${relative(this.ctx.config.root, file.moduleId)}`)
        ?.duration ?? -1;
    return [...files].sort((a, b) => lastDuration(a) - lastDuration(b));
  }
}

export default defineConfig({
  resolve: {
    alias: [
      // `server-only` throws outside a React Server Component bundle; under Vitest it is a no-op.
      { find: /^server-only$/, replacement: `${root}lib/test/server-only-stub.ts` },
      { find: /^@\//, replacement: root },
    ],
  },
  test: {
    include: ["{lib,emulator,app,components,scripts}/**/*.test.{ts,tsx}"],
    // Under mutation testing, not the tests whose code under test runs in processes they spawn:
    // Stryker switches a mutant on in the test process only (a global, not inherited by a child),
    // so these could only catch mutants in their own set-up, at 10–40 s a run.
    exclude: process.env.MUTATION_MODULE ? [...configDefaults.exclude, ...SPAWNING_TESTS] : configDefaults.exclude,
    environment: "node",
    // One PostgreSQL server for the run (TEST_DATABASE_URL, or the embedded one started here).
    globalSetup: ["lib/test/database-server.ts"],
    // The slowest test takes about 6 s on this machine. Mutation runs keep these bounds too: a
    // mutant that hangs a test is then caught at 30 s, before Stryker's own timeout (which adds the
    // whole first run's overhead, minutes for lib/workfront) kills and restarts its test runner.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Integration tests start emulators on random ports; a few files at once is plenty on 2 cores.
    maxWorkers: 2,
    // Under mutation, the quickest files first, so that a mutant is caught by the first that fails.
    ...(process.env.MUTATION_MODULE ? { sequence: { sequencer: ShortestFirstSequencer } } : {}),
    // `npm run test:mutation -- <module> --timing`: a line per test run (scripts/mutation/timing-reporter.ts).
    ...(process.env.MUTATION_TIMING_LOG ? { reporters: ["default", "./scripts/mutation/timing-reporter.ts"] } : {}),
  },
});
