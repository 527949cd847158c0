/**
 * `npm run test:e2e:days [-- 2027-03-28 …]`: the end-to-end suite once per day with the emulators'
 * generated history anchored at that day (WF_EMULATOR_ANCHOR_DAY, which the webServer commands in
 * playwright.config.ts inherit), one run after another on the one build, then a line per day.
 * Proves that no test depends on the day it runs.
 */
import { anchorDays } from "./e2e/anchor-days";
import { type RunOutcome, describeOutcome, runPlaywright } from "./e2e/run-playwright";

const days = anchorDays(process.argv.slice(2));
const results: [string, RunOutcome][] = [];
for (const day of days) {
  console.log(`\n=== end-to-end suite with the emulator's history anchored at ${day}`);
  results.push([day, runPlaywright({ WF_EMULATOR_ANCHOR_DAY: day })]);
}
console.log("\n=== per anchor day");
for (const [day, outcome] of results) console.log(`${day}  ${describeOutcome(outcome)}`);
process.exit(results.every(([, outcome]) => outcome.exitCode === 0) ? 0 : 1);
