import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** What one run of the end-to-end suite came to (Playwright's JSON reporter's stats). */
export interface RunOutcome {
  exitCode: number;
  passed: number;
  failed: number;
  flaky: number;
  skipped: number;
  seconds: number;
}

interface JsonReport {
  stats?: { expected?: number; unexpected?: number; flaky?: number; skipped?: number; duration?: number };
}

/** Reads the stats of a JSON report; a run that wrote none (it died before the tests) counts nothing. */
export function outcomeOf(exitCode: number, report: string | undefined): RunOutcome {
  let stats: NonNullable<JsonReport["stats"]> = {};
  try {
    stats = (JSON.parse(report ?? "{}") as JsonReport).stats ?? {};
  } catch {
    stats = {};
  }
  return {
    exitCode,
    passed: stats.expected ?? 0,
    failed: stats.unexpected ?? 0,
    flaky: stats.flaky ?? 0,
    skipped: stats.skipped ?? 0,
    seconds: Math.round((stats.duration ?? 0) / 1000),
  };
}

/**
 * `playwright test` with extra environment, its list output on the terminal as usual, and its
 * outcome read back from a JSON report. Expects the build `npm run test:e2e` makes.
 */
export function runPlaywright(env: Record<string, string>, args: string[] = []): RunOutcome {
  const dir = mkdtempSync(join(tmpdir(), "wf-e2e-run-"));
  const reportFile = join(dir, "report.json");
  try {
    const result = spawnSync("npx", ["playwright", "test", "--reporter=list,json", ...args], {
      stdio: "inherit",
      env: { ...process.env, ...env, PLAYWRIGHT_JSON_OUTPUT_NAME: reportFile },
    });
    let report: string | undefined;
    try {
      report = readFileSync(reportFile, "utf8");
    } catch {
      report = undefined;
    }
    return outcomeOf(result.status ?? 1, report);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function describeOutcome(outcome: RunOutcome): string {
  const verdict = outcome.exitCode === 0 ? "passed" : "FAILED";
  return `${verdict}: ${outcome.passed} passed, ${outcome.failed} failed, ${outcome.flaky} flaky, ${outcome.skipped} skipped in ${outcome.seconds} s`;
}
