// Mutation testing (`npm run test:mutation -- <module>`, see docs/TESTING.md). Not part of `npm test`
// or CI: a module takes tens of minutes. scripts/mutation/run.ts sets MUTATION_MODULE (and, for a
// sample, MUTATION_FILES) and runs Stryker under `nice`; this file turns them into Stryker options.
const modules = ["workfront", "offboarding", "jobs", "audit"];
const moduleName = process.env.MUTATION_MODULE ?? "audit";
if (!modules.includes(moduleName)) throw new Error(`MUTATION_MODULE must be one of ${modules.join(", ")}`);

// Test helpers are not product code; everything else in the module is mutated.
const notProduct = [
  `!lib/${moduleName}/**/*.test.ts`,
  `!lib/${moduleName}/**/test-*.ts`,
];
const files = process.env.MUTATION_FILES?.split(",").filter(Boolean);

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // Each mutant runs only the tests that reached it (perTest coverage), in the files Vitest relates
  // to the mutated file.
  vitest: { configFile: "vitest.config.mts", related: true },
  coverageAnalysis: "perTest",
  mutate: files ?? [`lib/${moduleName}/**/*.ts`, ...notProduct],
  // The machine is shared: one mutant at a time unless told otherwise.
  concurrency: Number(process.env.MUTATION_CONCURRENCY ?? 1),
  // Static mutants (module-level constants) would need every test file re-run per mutant; they are
  // counted as ignored and listed in the report rather than measured.
  ignoreStatic: true,
  // Reruns only mutants whose code or covering tests changed since the last run of this module. A
  // whole module's results are kept in git (docs/mutation/): a whole run takes hours, a session
  // here is three on a fresh machine, and with them the next session re-tests only what changed.
  incremental: true,
  incrementalFile: files
    ? `reports/mutation/${moduleName}-sample.incremental.json`
    : `docs/mutation/${moduleName}.incremental.json`,
  reporters: ["clear-text", "progress", "json"],
  jsonReporter: { fileName: `reports/mutation/${moduleName}${files ? "-sample" : ""}.json` },
  clearTextReporter: { allowColor: false, reportTests: false, reportMutants: false, maxTestsToLog: 0 },
  // One sandbox folder per module, so that runs of two modules side by side never clean up each other.
  tempDirName: `.stryker-tmp/${moduleName}`,
  // `.stryker-tmp`: Stryker leaves out only its own run's folder; without this a run started beside
  // another copies the other run's sandbox (a second copy of the whole project) into its own.
  ignorePatterns: [".next", "data", "test-results", "playwright-report", "reports", "docs", "e2e", ".ci", ".stryker-tmp"],
  // Integration tests start emulators and databases; a mutant that loops is cut off 10 s past its tests' usual time.
  timeoutMS: 10_000,
  // The first run (every related test, with coverage) can take many minutes on a busy machine.
  dryRunTimeoutMinutes: 45,
  timeoutFactor: 2,
  cleanTempDir: "always",
};

export default config;
