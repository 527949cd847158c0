/**
 * `npm run test:e2e:shuffled`: the end-to-end suite with its spec files in a random order (Playwright
 * has none of its own: it runs files in name order). playwright.config.ts turns E2E_ORDER into one
 * project per file, each depending on the one before, which makes the single worker run them in
 * exactly that order. The seed is printed; E2E_SHUFFLE_SEED=<seed> repeats an order.
 * `-- --rounds 2` runs every file twice against the same servers, each round in its own order
 * (Playwright's --repeat-each does not repeat a project others depend on); other arguments go to
 * `playwright test`.
 */
import { readdirSync } from "node:fs";
import { shuffled } from "./e2e/shuffle";
import { describeOutcome, runPlaywright } from "./e2e/run-playwright";

const seed = Number(process.env.E2E_SHUFFLE_SEED || Math.floor(Math.random() * 2 ** 31));
const specs = readdirSync("e2e").filter((name) => name.endsWith(".spec.ts")).sort();
const args = process.argv.slice(2);
const roundsAt = args.indexOf("--rounds");
const rounds = roundsAt === -1 ? 1 : Number(args.splice(roundsAt, 2)[1]);
if (!Number.isInteger(rounds) || rounds < 1) throw new Error("--rounds takes a whole number of at least 1");
const order = Array.from({ length: rounds }, (_, round) => shuffled(specs, seed + round)).flat();
console.log(`=== spec order (E2E_SHUFFLE_SEED=${seed}, ${rounds} round(s)): ${order.join(", ")}`);
const outcome = runPlaywright({ E2E_ORDER: order.join(",") }, args);
console.log(`\n=== shuffled order (E2E_SHUFFLE_SEED=${seed}) ${describeOutcome(outcome)}`);
process.exit(outcome.exitCode);
