/**
 * Builds the app for the end-to-end tests with the e2e credential in the build's environment, so
 * that the leak test would catch a credential inlined into a bundle or a prerendered page.
 */
import { spawnSync } from "node:child_process";
import { e2eApiKey } from "./servers";

const result = spawnSync("npx", ["next", "build"], {
  stdio: "inherit",
  env: { ...process.env, WORKFRONT_API_KEY: e2eApiKey, NEXT_TELEMETRY_DISABLED: "1" },
});
process.exit(result.status ?? 1);
