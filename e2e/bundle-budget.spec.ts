import { expect, test } from "@playwright/test";
import { BUNDLE_BUDGET, firstLoadGzipBytes } from "../scripts/bench/bundle-size";

/**
 * The JavaScript budget of the users page, checked on the build these tests run against: a size,
 * not a timing, so it belongs in the tests (`npm run bench -- bundle-size` has the breakdown).
 * An earlier change went 4.7 kB over it unnoticed while only the benchmark measured it.
 */
test(`${BUNDLE_BUDGET.route} First Load JS stays within ${BUNDLE_BUDGET.gzipKb} kB gzipped`, () => {
  const kB = firstLoadGzipBytes(BUNDLE_BUDGET.route) / 1000;
  expect(kB).toBeGreaterThan(50); // a build that lists no chunks would pass any budget
  expect(kB).toBeLessThanOrEqual(BUNDLE_BUDGET.gzipKb);
});
