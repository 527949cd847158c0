import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Page, type Route, expect, test } from "@playwright/test";
import { demoAccounts } from "./support/fixtures";
import { openAppUrl } from "./support/servers";

/**
 * A sign-in pressed before the page's JavaScript runs (a slow network, a dev server still
 * compiling, JavaScript off) must never send the password in a URL, where it would land in the
 * history and in request logs. Against the open app, whose whole log the test can read.
 */
const serverLog = () => readFileSync(join(__dirname, "..", "data", "e2e-open", "server.log"), "utf8");

test.use({ baseURL: openAppUrl });

/** Every URL the page asks for, to look for the password in. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

test.describe("with JavaScript off", () => {
  test.use({ javaScriptEnabled: false });

  test("the form's fields are disabled, it says why, and a forced submission is a POST", async ({ page }) => {
    const password = `never-in-a-url-${Date.now()}`;
    const urls = recordUrls(page);
    await page.goto("/sign-in");
    // The page says why (Chromium driven with scripts off still parses <noscript> as text, so
    // the note is looked for in the markup rather than on screen).
    expect(await page.locator("noscript").innerHTML()).toContain("Sign-in needs JavaScript");
    await expect(page.getByLabel("E-mail")).toBeDisabled();
    await expect(page.getByLabel("Password")).toBeDisabled();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeDisabled();

    // Someone who enables the fields by hand and submits gets a POST, never a GET with the password.
    await page.locator("fieldset").evaluate((fieldset: HTMLFieldSetElement) => (fieldset.disabled = false));
    await page.getByLabel("E-mail").fill(demoAccounts.viewer.email);
    await page.getByLabel("Password").fill(password);
    const submitted = page.waitForRequest((request) => request.url().includes("/api/auth/callback/credentials"));
    await page.getByLabel("Password").press("Enter");
    expect((await submitted).method()).toBe("POST");
    await page.waitForLoadState();
    expect(page.url()).not.toContain(password);
    expect(urls.filter((url) => url.includes(password))).toEqual([]);
    expect(serverLog()).not.toContain(password);
  });
});

test("pressed before the page has hydrated, nothing is sent; once it has, sign-in works", async ({ page }) => {
  const urls = recordUrls(page);
  // Hold the page's scripts back, as a slow network or a compiling dev server would.
  const scripts = "**/_next/static/chunks/*.js";
  const held: Route[] = [];
  await page.route(scripts, (route) => void held.push(route));
  await page.goto("/sign-in", { waitUntil: "commit" });
  await expect(page.getByLabel("Password")).toBeDisabled();
  // Typed (as autofill would) and pressed: nothing goes out.
  await page.getByLabel("E-mail").evaluate((input: HTMLInputElement, email) => (input.value = email), demoAccounts.viewer.email);
  await page.getByLabel("Password").evaluate((input: HTMLInputElement, password) => (input.value = password), demoAccounts.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click({ force: true });
  expect(new URL(page.url()).search).toBe("");

  await Promise.all(held.map((route) => route.continue()));
  await page.unroute(scripts);
  await page.getByLabel("E-mail").fill(demoAccounts.viewer.email);
  await page.getByLabel("Password").fill(demoAccounts.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/users/);
  expect(urls.filter((url) => url.includes(demoAccounts.viewer.password))).toEqual([]);
  expect(serverLog()).not.toContain(demoAccounts.viewer.password);
});
