import { spawnSync } from "node:child_process";
import { type APIRequestContext, type BrowserContext, expect, request as playwrightRequest, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import { apiSignIn } from "./support/api-session";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { type Role, demoAccounts, signIn } from "./support/fixtures";
import { appUrl, extraAppPorts } from "./support/servers";

/**
 * What ends a session: a cookie saved before sign-out, "sign out everywhere" or a disabled
 * account is refused after it, for reads, pages and changes alike, at once.
 */

/** A script holding a copy of the browser's session cookie, as someone who copied it would. */
async function copiedSession(context: BrowserContext, baseURL: string): Promise<APIRequestContext> {
  return playwrightRequest.newContext({ baseURL, storageState: await context.storageState() });
}

/**
 * What the copied cookie still gets: a read, a page (307 is the way to sign in), and a change
 * without side effects (ending the sessions of an account that does not exist: 404 for an admin,
 * 403 for other roles, 401 without a session).
 */
async function reach(copy: APIRequestContext) {
  const read = await copy.get("/api/users?pageSize=25");
  const page = await copy.get("/users", { maxRedirects: 0 });
  const change = await copy.post("/api/sessions/end", { data: { email: "nobody@demo.local" } });
  return { read: read.status(), page: page.status(), change: change.status() };
}

const refused = { read: 401, page: 307, change: 401 };

test("a session cookie copied before sign-out is refused after it, everywhere", async ({ page, context }) => {
  await signIn(page, "viewer");
  const copy = await copiedSession(context, appUrl);
  expect(await reach(copy)).toEqual({ read: 200, page: 200, change: 403 });
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await reach(copy)).toEqual(refused);
  await copy.dispose();
});

test("an admin's \"Sign out everywhere\" ends their sessions in every browser", async ({ page, context, browser }) => {
  const other = await browser.newContext();
  await signIn(await other.newPage(), "admin");
  const elsewhere = await copiedSession(other, appUrl);
  expect((await elsewhere.get("/api/users?pageSize=25")).status()).toBe(200);

  await signIn(page, "admin");
  const here = await copiedSession(context, appUrl);
  await page.goto("/settings");
  await page.getByRole("button", { name: "Sign out everywhere" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await reach(elsewhere)).toEqual(refused);
  expect(await reach(here)).toEqual(refused);
  await Promise.all([elsewhere.dispose(), here.dispose(), other.close()]);
});

test("only an admin may end sessions, and only of an account that exists", async ({ page, context }) => {
  await signIn(page, "operator");
  const operator = await copiedSession(context, appUrl);
  expect((await operator.post("/api/sessions/end", { data: {} })).status()).toBe(403);
  await operator.dispose();
  const admin = await playwrightRequest.newContext({ baseURL: appUrl });
  expect(await apiSignIn(admin, demoAccounts.admin.email, demoAccounts.admin.password)).toBeNull();
  const missing = await admin.post("/api/sessions/end", { data: { email: "nobody@demo.local" } });
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error.code).toBe("account_not_found");
  await admin.dispose();
});

/**
 * Disabling is done with `npm run user:update`, a process of its own, while the app runs on its
 * embedded database: the script joins the app's PostgreSQL server (lib/db/embedded/server.ts), as it
 * would a shared server behind several instances.
 */
test.describe("user:update beside the running app", () => {
  let emulator: RunningEmulator;
  let app: RunningApp;

  test.describe.configure({ timeout: 120_000 });
  test.beforeAll(async () => {
    emulator = await startExtraEmulator();
    app = await startApp("accounts", extraAppPorts.postgres, {});
  });
  test.afterAll(async () => {
    await app?.stop();
    await emulator?.close();
  });

  const { DATABASE_URL: _shells, ...scriptEnv } = process.env;

  function userUpdate(role: Role, ...flags: string[]) {
    const result = spawnSync("npm", ["run", "--silent", "user:update", "--", "--email", demoAccounts[role].email, ...flags], {
      env: { ...scriptEnv, DATABASE_DIR: app.databaseDir, LOG_LEVEL: "silent" },
      encoding: "utf8",
    });
    expect(result.status, result.stderr).toBe(0);
  }

  test("--disable refuses a copied cookie at once, for reads too; --enable revives none", async () => {
    const copy = await playwrightRequest.newContext({ baseURL: app.url });
    expect(await apiSignIn(copy, demoAccounts.viewer.email, demoAccounts.viewer.password)).toBeNull();
    // A read now, so that anything an instance remembers of the account is as fresh as can be.
    expect((await copy.get("/api/users?pageSize=25")).status()).toBe(200);
    userUpdate("viewer", "--disable");
    expect(await reach(copy)).toEqual(refused);
    userUpdate("viewer", "--enable");
    expect(await reach(copy)).toEqual(refused);
    expect(await apiSignIn(copy, demoAccounts.viewer.email, demoAccounts.viewer.password)).toBeNull();
    expect((await copy.get("/api/users?pageSize=25")).status()).toBe(200);
    await copy.dispose();
  });

  test("--reset-password and --role end the account's sessions too", async () => {
    // The role first: after the reset the demo password no longer works.
    for (const flags of [["--role", "viewer"], ["--reset-password"]]) {
      const copy = await playwrightRequest.newContext({ baseURL: app.url });
      expect(await apiSignIn(copy, demoAccounts.operator.email, demoAccounts.operator.password)).toBeNull();
      expect((await copy.get("/api/users?pageSize=25")).status()).toBe(200);
      userUpdate("operator", ...flags);
      expect((await copy.get("/api/users?pageSize=25")).status()).toBe(401);
      await copy.dispose();
    }
  });
});
