import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";
import { ShortestFirstSequencer } from "./lib/test/shortest-first-sequencer";

const root = fileURLToPath(new URL(".", import.meta.url));

/** Tests whose subject runs in child processes (workers, the embedded server) they start. */
const SPAWNING_TESTS = ["lib/jobs/processes.test.ts", "lib/reassign/crash.test.ts", "lib/db/embedded/server.test.ts"];

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
    // Mutation runs (npm run test:mutation sets MUTATION_MODULE) share a busy machine at nice 15:
    // the 10,000-user tests need more than 30 s there.
    testTimeout: process.env.MUTATION_MODULE ? 180_000 : 30_000,
    hookTimeout: process.env.MUTATION_MODULE ? 180_000 : 60_000,
    // Integration tests start emulators on random ports; a few files at once is plenty on 2 cores.
    maxWorkers: 2,
    // Under mutation, the quickest files first, so that a mutant is caught by the first that fails.
    ...(process.env.MUTATION_MODULE ? { sequence: { sequencer: ShortestFirstSequencer } } : {}),
  },
});
