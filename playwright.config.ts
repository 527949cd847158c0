import { defineConfig, devices } from "@playwright/test";
import { lookUpBrowser } from "./scripts/browser/find-browser";
import { machineLookupProbes } from "./scripts/browser/machine";
import {
  appPort,
  appUrl,
  configuredProtectedEmail,
  e2eApiKey,
  emulatorPort,
  emulatorUrl,
  openApiKey,
  openAppPort,
  openAppUrl,
  openEmulatorPort,
  openEmulatorUrl,
  oidcIssuer,
} from "./e2e/support/servers";
import { oidcAppEnv } from "./e2e/support/oidc-accounts";

/**
 * End-to-end tests in a real Chromium: CHROMIUM_PATH, else Debian's /usr/bin/chromium, else
 * Playwright's own. `npm run test:e2e` first runs scripts/ensure-browser.ts, which installs one
 * where none is there; this is the same lookup, so both pick the same browser.
 */
const browser = lookUpBrowser(machineLookupProbes());

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: browser.kind === "found" ? browser.path : undefined,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  },
};

/**
 * One project, whose files run in name order; or, with E2E_ORDER (a comma-separated list of spec
 * files, from `npm run test:e2e:shuffled`), one project per file, each depending on the one before,
 * so that the single worker runs the files in exactly that order.
 */
function projects() {
  const order = process.env.E2E_ORDER?.split(",").filter(Boolean);
  if (!order?.length) return [{ name: "chromium", use: chromium }];
  const name = (index: number) => `${index + 1}-${order[index]}`;
  return order.map((file, index) => ({
    name: name(index),
    testMatch: new RegExp(`(^|/)${file.replaceAll(".", "\\.")}$`),
    dependencies: index === 0 ? [] : [name(index - 1)],
    use: chromium,
  }));
}


export default defineConfig({
  testDir: "./e2e",
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  timeout: 30_000,
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
  },
  projects: projects(),
  webServer: [
    {
      // The OpenID provider the open app signs in with (all in memory; a fresh one every run).
      command: "npx tsx e2e/support/oidc-server.ts",
      url: `${oidcIssuer}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      command: `npx tsx emulator/cli.ts --port ${emulatorPort} --users 500 --api-key ${e2eApiKey}`,
      url: `${emulatorUrl}/__emulator/info`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The production build that `npm run test:e2e` makes first, served as users run it.
      // A fresh embedded database every run, with the three demo accounts.
      command: `rm -rf data/e2e && npx next start --hostname 127.0.0.1 --port ${appPort}`,
      url: `${appUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        WORKFRONT_URL: emulatorUrl,
        WORKFRONT_API_KEY: e2eApiKey,
        DATABASE_DIR: "data/e2e/postgres",
        DEMO_ACCOUNTS: "true",
        // One seeded person on the configured protected list, for the admin override test only.
        PROTECTED_USERS: configuredProtectedEmail,
        AUTH_SECRET: "e2e-secret-that-is-at-least-32-characters-long",
        NEXTAUTH_URL: appUrl,
        LOG_LEVEL: "warn",
      },
    },
    {
      command: `npx tsx emulator/cli.ts --port ${openEmulatorPort} --users 200 --api-key ${openApiKey}`,
      url: `${openEmulatorUrl}/__emulator/info`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The same build with no Workfront credential in its environment (see e2e/support/servers.ts).
      // Its output goes to a file the credential-leak test reads (data/e2e-open/server.log).
      command: `rm -rf data/e2e-open && mkdir -p data/e2e-open && exec npx next start --hostname 127.0.0.1 --port ${openAppPort} > data/e2e-open/server.log 2>&1`,
      url: `${openAppUrl}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: {
        WORKFRONT_URL: openEmulatorUrl,
        DATABASE_DIR: "data/e2e-open/postgres",
        DEMO_ACCOUNTS: "true",
        AUTH_SECRET: "e2e-open-secret-that-is-at-least-32-characters",
        NEXTAUTH_URL: openAppUrl,
        // Single sign-on against the test OpenID provider (e2e/support/oidc-server.ts), beside local accounts.
        ...oidcAppEnv,
        // Everything logged, Workfront requests included, so the leak test sees all a log could hold.
        LOG_LEVEL: "debug",
        WORKFRONT_LOG_REQUESTS: "true",
      },
    },
  ],
});
