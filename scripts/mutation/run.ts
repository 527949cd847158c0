/**
 * `npm run test:mutation -- <module> [--sample <n> --seed <s>] [--files a.ts,b.ts] [--concurrency 2] [--timing]`:
 * Stryker over one of lib/workfront, lib/offboarding, lib/jobs, lib/audit, under `nice -n 15`, one
 * module per run (the machine is shared). `--sample` mutates n of the module's files picked by a
 * seeded shuffle, so the same seed measures the same files again; `--files` names them. Results: reports/mutation/<module>[-sample].json and the
 * score table Stryker prints. `--timing` also logs each test run's length (reports/mutation/<module>[-sample].timing.jsonl)
 * and prints where the time went at the end.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { productFiles, seededSample } from "./sample";
import { summarizeTiming } from "./timing-summary";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sample: { type: "string" },
    seed: { type: "string", default: "13" },
    files: { type: "string" },
    concurrency: { type: "string", default: "1" },
    timing: { type: "boolean", default: false },
  },
});
const moduleName = positionals[0];
if (!moduleName || !["workfront", "offboarding", "jobs", "audit"].includes(moduleName)) {
  console.error("usage: npm run test:mutation -- <workfront|offboarding|jobs|audit> [--sample n --seed s] [--files a,b]");
  process.exit(2);
}
const all = productFiles(readdirSync(join("lib", moduleName))).map((file) => `lib/${moduleName}/${file}`);
const files = values.files
  ? values.files.split(",")
  : values.sample
    ? seededSample(all, Number(values.sample), Number(values.seed))
    : undefined;
if (files) console.log(`mutating ${files.length} of ${all.length} files (seed ${values.seed}): ${files.join(", ")}`);

// Absolute: Stryker's test runners work in a copy of the project (.stryker-tmp).
const timingLog = resolve("reports", "mutation", `${moduleName}${files ? "-sample" : ""}.timing.jsonl`);
if (values.timing) {
  mkdirSync(resolve("reports", "mutation"), { recursive: true });
  rmSync(timingLog, { force: true });
}

const result = spawnSync("nice", ["-n", "15", "npx", "stryker", "run", "stryker.config.mjs"], {
  stdio: "inherit",
  env: {
    ...process.env,
    MUTATION_MODULE: moduleName,
    MUTATION_CONCURRENCY: values.concurrency,
    ...(files ? { MUTATION_FILES: files.join(",") } : {}),
    ...(values.timing ? { MUTATION_TIMING_LOG: timingLog } : {}),
  },
});
if (values.timing && existsSync(timingLog))
  console.log(`\nWhere the time went (${timingLog}):\n${summarizeTiming(readFileSync(timingLog, "utf8"))}`);
process.exit(result.status ?? 1);
