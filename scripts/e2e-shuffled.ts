/**
 * `npm run test:e2e:shuffled`: the end-to-end suite with its spec files in a random order (Playwright
 * has none of its own: it runs files in name order). playwright.config.ts turns E2E_ORDER into one
 * project per file, each depending on the one before, which makes the single worker run them in
 * exactly that order. The seed is printed; E2E_SHUFFLE_SEED=<seed> repeats an order. Arguments after
 * `--` go to `playwright test` (e.g. `--repeat-each 2`).
 */
import { readdirSync } from "node:fs";
import { shuffled } from "./e2e/shuffle";
import { describeOutcome, runPlaywright } from "./e2e/run-playwright";

const seed = Number(process.env.E2E_SHUFFLE_SEED || Math.floor(Math.random() * 2 ** 31));
const specs = readdirSync("e2e").filter((name) => name.endsWith(".spec.ts")).sort();
const order = shuffled(specs, seed);
console.log(`=== spec order (E2E_SHUFFLE_SEED=${seed}): ${order.join(", ")}`);
const outcome = runPlaywright({ E2E_ORDER: order.join(",") }, process.argv.slice(2));
console.log(`\n=== shuffled order (E2E_SHUFFLE_SEED=${seed}) ${describeOutcome(outcome)}`);
process.exit(outcome.exitCode);
