import { bulkDeactivationBenchmark } from "./bulk-deactivation";
import { bundleSizeBenchmark } from "./bundle-size";
import { demoMemoryBenchmark } from "./demo-memory";
import { emulatorSearchBenchmark } from "./emulator-search";
import { emulatorSeedBenchmark } from "./emulator-seed";
import { impactCheckBenchmark } from "./impact-check";
import type { Benchmark } from "./registry";
import { scheduledBatchBenchmark } from "./scheduled-batch";
import { throttleRecoveryBenchmark } from "./throttle-recovery";
import { userIndexBenchmark } from "./user-index";
import { usersRouteBenchmark } from "./users-route";

/** Every benchmark `npm run bench` runs, in order. Add a new one with one line here. */
export const BENCHMARKS: Benchmark[] = [
  emulatorSearchBenchmark,
  emulatorSeedBenchmark,
  bulkDeactivationBenchmark,
  scheduledBatchBenchmark,
  usersRouteBenchmark,
  throttleRecoveryBenchmark,
  userIndexBenchmark,
  impactCheckBenchmark,
  demoMemoryBenchmark,
  bundleSizeBenchmark,
];
