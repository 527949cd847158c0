/**
 * `npm run test:e2e` runs this first: it finds the Chromium the end-to-end tests drive
 * (CHROMIUM_PATH, Debian's /usr/bin/chromium, Playwright's own) and, where there is none, installs
 * one the way the machine allows (Playwright's installer where its downloads are reachable,
 * Debian's package as root), or stops at once with one line saying what to install.
 * playwright.config.ts then finds the same browser with the same lookup.
 */
import { spawnSync } from "node:child_process";
import { type InstallPlan, ensureBrowser, installCommands } from "./browser/find-browser";
import { machineProbes } from "./browser/machine";

async function install(plan: InstallPlan): Promise<boolean> {
  for (const step of installCommands(plan)) {
    console.log(`--- no Chromium found: ${[step.command, ...step.args].join(" ")}`);
    const result = spawnSync(step.command, step.args, { stdio: "inherit", env: { ...process.env, ...step.env } });
    if (result.status !== 0) return false;
  }
  return true;
}

void ensureBrowser(machineProbes(), install).then((result) => {
  if (!result.ok) {
    console.error(result.message);
    process.exit(1);
  }
  if (result.installed) console.log(`--- end-to-end tests use ${result.path} (installed: ${result.installed})`);
});
