import { type APIRequestContext, type Page, expect, test } from "@playwright/test";
import { SettingsPage, openEmulator, registerOAuthApp } from "./pages/settings-page";
import { appUrl, openApiKey, openAppUrl, openEmulatorUrl } from "./support/servers";

/**
 * Connecting Workfront from the Settings page of the "open" app (no WORKFRONT_API_KEY in its
 * environment, its own emulator), each way; refusals store nothing; a revoked key switches the
 * app into "reconnect" until it is reconnected. The main app, whose key comes from the
 * environment, shows the page locked. Tests leave the open app connected with its API key.
 */
test.describe.configure({ mode: "serial" });

const integration = { username: "integration@acme.example", password: "workfront-demo" };

const emulator = (request: APIRequestContext, method: "GET" | "POST", path: string, data?: unknown) => openEmulator(request, method, path, data);

/** Back to "not connected", through the API (a 404 means it already was). */
async function disconnected(page: Page): Promise<void> {
  const response = await page.request.delete(`${openAppUrl}/api/settings/workfront`);
  expect([200, 404]).toContain(response.status());
}

async function connectedWithKey(page: Page): Promise<void> {
  const response = await page.request.post(`${openAppUrl}/api/settings/workfront`, {
    data: { method: "api_key", tenant: openEmulatorUrl, apiKey: openApiKey },
  });
  expect(response.status()).toBe(200);
}

test.beforeEach(async ({ request }) => {
  await emulator(request, "POST", "api-keys/restore");
});

test.afterAll(async ({ browser, request }) => {
  await emulator(request, "POST", "api-keys/restore");
  const page = await browser.newPage();
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await connectedWithKey(page);
  await page.close();
});

test("an app with no connection says so: admins get a link to Settings, others are told whom to ask", async ({ page, browser }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await disconnected(page);
  await page.goto(`${openAppUrl}/users`);
  await expect(settings.banner).toContainText("Workfront is not connected");
  await expect(page.getByRole("alert").filter({ hasText: "Workfront is not connected" })).toBeVisible();
  await settings.banner.getByRole("link", { name: "Connect Workfront in Settings" }).click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(settings.state).toHaveText("Not connected");

  const viewerPage = await browser.newPage();
  const viewer = new SettingsPage(viewerPage, openAppUrl);
  await viewer.signIn("viewer");
  await expect(viewer.banner).toContainText("Ask an admin to connect Workfront in Settings.");
  await expect(viewerPage.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
  await viewer.goto();
  await expect(viewerPage.getByRole("alert").filter({ hasText: "Only the admin role" })).toBeVisible();
  expect((await viewerPage.request.get(`${openAppUrl}/api/settings/workfront`)).status()).toBe(403);
  await viewerPage.close();
});

test("a wrong password is refused with a clear error, and nothing is stored", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await disconnected(page);
  await settings.goto();
  await settings.connectWithPassword(integration.username, "not-the-password");
  await expect(settings.formError).toContainText("Workfront refused this username and password. Nothing was stored.");
  // The refusal names the ways that work where password login is gone.
  await expect(settings.formError).toContainText("OAuth2 server-to-server or with an API key");
  await expect(settings.field("Password")).toHaveValue("");
  await expect(settings.state).toHaveText("Not connected");
  const status = await (await page.request.get(`${openAppUrl}/api/settings/workfront`)).json();
  expect(status).toMatchObject({ source: "none", connection: null });
});

test("connects with a username and password: shows the Workfront user, and the users list works", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await disconnected(page);
  await emulator(page.request, "POST", "api-keys/restore");
  await settings.goto();
  await expect(settings.field("Workfront domain or address")).toHaveValue(openEmulatorUrl);
  await settings.connectWithPassword(integration.username, integration.password);
  await settings.expectConnected();
  await expect(settings.value("Workfront user")).toHaveText("Workfront Integration <integration@acme.example>");
  await expect(settings.value("May edit users")).toHaveText("yes (System Administrator)");
  await expect(settings.value("API key")).toHaveText(`ends in …${openApiKey.slice(-4)}`);
  await expect(settings.value("Key age")).toContainText("0 days");
  await expect(settings.field("Password")).toHaveValue("");
  await page.goto(`${openAppUrl}/users`);
  await expect(page.getByRole("table", { name: "Workfront users" })).toHaveAttribute("aria-busy", "false");
  await expect(settings.banner).toHaveCount(0);
});

test("pastes an API key, tests it, and Disconnect clears it in Workfront", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await disconnected(page);
  await emulator(page.request, "POST", "api-keys/restore");
  await settings.goto();
  await settings.connectWithKey("0".repeat(32));
  await expect(settings.formError).toContainText("Workfront refused this API key");
  await expect(settings.state).toHaveText("Not connected");
  await settings.connectWithKey(openApiKey);
  await settings.expectConnected();
  await expect(settings.value("Method")).toHaveText("API key");
  await settings.testButton.click();
  await expect(settings.testResult).toHaveText("Connected as Workfront Integration <integration@acme.example>, a System Administrator: may edit users.");
  await expect(settings.value("Last tested")).not.toHaveText("Never");

  await settings.disconnect();
  expect(await emulator(page.request, "GET", `api-keys/${integration.username}`)).toMatchObject({ state: "none" });
  await page.reload();
  await expect(settings.banner).toContainText("Workfront is not connected");
});

test("connects with OAuth2 server-to-server", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await disconnected(page);
  const app = await registerOAuthApp(page.request);
  await settings.goto();
  await settings.connectWithOAuth({ ...app, clientSecret: "wrong-secret" });
  await expect(settings.formError).toContainText("Workfront refused the OAuth2 request (invalid_client)");
  await expect(settings.field("Private key (PEM)")).toHaveValue("");
  await settings.connectWithOAuth(app);
  await settings.expectConnected();
  await expect(settings.value("Method")).toHaveText("OAuth2 server-to-server (JWT)");
  await expect(settings.value("Client ID")).toHaveText(`ends in …${app.clientId.slice(-4)}`);
  await expect(settings.value("Workfront user")).toContainText("Workfront Integration");
  await page.goto(`${openAppUrl}/users`);
  await expect(page.getByRole("table", { name: "Workfront users" })).toHaveAttribute("aria-busy", "false");
  // Workfront ends the session early: the app renews it and carries on.
  await emulator(page.request, "POST", "sessions/expire", { clientId: app.clientId });
  await page.reload();
  await expect(page.getByRole("table", { name: "Workfront users" })).toHaveAttribute("aria-busy", "false");
  await expect(settings.banner).toHaveCount(0);
});

test("a revoked key switches the app into reconnect on every page, and reconnecting recovers", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await disconnected(page);
  await emulator(page.request, "POST", "api-keys/restore");
  await connectedWithKey(page);
  await emulator(page.request, "POST", "api-keys/revoke");
  await page.goto(`${openAppUrl}/users`);
  await expect(page.getByRole("alert").filter({ hasText: "reconnect Workfront" })).toBeVisible();
  await page.goto(`${openAppUrl}/audit`);
  await expect(settings.banner).toContainText("Workfront refused the stored credential: reconnect Workfront");
  await settings.banner.getByRole("link", { name: "Reconnect in Settings" }).click();
  await expect(settings.state).toHaveText("Reconnect needed");
  await expect(settings.value("Problem")).toContainText("Workfront refused the credential");

  // The old key is gone for good; the password makes a new one (getApiKey is empty → generateApiKey).
  await settings.connectWithPassword(integration.username, integration.password);
  await settings.expectConnected();
  await expect(settings.value("Key age")).toHaveText("0 days");
  await page.goto(`${openAppUrl}/users`);
  await expect(page.getByRole("table", { name: "Workfront users" })).toHaveAttribute("aria-busy", "false");
  await expect(settings.banner).toHaveCount(0);
});

test("the settings API refuses bad input, other sites and other roles, and changes nothing", async ({ page, browser }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await connectedWithKey(page);
  const before = await (await page.request.get(`${openAppUrl}/api/settings/workfront`)).json();
  const url = `${openAppUrl}/api/settings/workfront`;
  const bad = await page.request.post(url, { data: { method: "telepathy", tenant: openEmulatorUrl } });
  expect(bad.status()).toBe(400);
  expect((await bad.json()).error.code).toBe("invalid_request");
  const extra = await page.request.post(url, { data: { method: "api_key", tenant: openEmulatorUrl, apiKey: openApiKey, admin: true } });
  expect(extra.status()).toBe(400);
  const tenant = await page.request.post(url, { data: { method: "api_key", tenant: "http://example.com", apiKey: openApiKey } });
  expect((await tenant.json()).error.code).toBe("invalid_tenant");
  const crossSite = await page.request.delete(url, { headers: { origin: "https://evil.example" } });
  expect(crossSite.status()).toBe(403);
  const operatorPage = await browser.newPage();
  await new SettingsPage(operatorPage, openAppUrl).signIn("operator");
  expect((await operatorPage.request.delete(url)).status()).toBe(403);
  expect((await operatorPage.request.post(`${url}/test`, { data: {} })).status()).toBe(403);
  await operatorPage.close();
  expect(await (await page.request.get(url)).json()).toEqual(before);
});

test("axe finds no serious or critical violation on the settings page", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await connectedWithKey(page);
  await settings.goto();
  expect(await settings.seriousAccessibilityViolations()).toEqual([]);
  await settings.choose("OAuth2 server-to-server");
  await page.keyboard.press("ArrowRight");
  await expect(settings.form.getByRole("tab", { name: "API key" })).toHaveAttribute("aria-selected", "true");
  expect(await settings.seriousAccessibilityViolations()).toEqual([]);
  await settings.status.getByRole("button", { name: "Disconnect" }).click();
  expect(await settings.seriousAccessibilityViolations()).toEqual([]);
  await page.keyboard.press("Escape");
});

test("the page keeps its title while Test connection refreshes it", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await connectedWithKey(page);
  await settings.goto();
  // Every change to the document is checked: a refresh that mounts the metadata afresh left the
  // document without a <title> for a moment in about one of eight runs (next.config.js).
  await page.evaluate(`
    window.untitled = 0;
    new MutationObserver(() => { if (!document.title) window.untitled++; })
      .observe(document, { subtree: true, childList: true, characterData: true });
  `);
  for (let run = 0; run < 12; run++) {
    await settings.testButton.click();
    await expect(settings.testResult).toBeVisible();
    // The router refresh that follows a test result re-renders the layout.
    await page.waitForLoadState("networkidle");
  }
  expect(await page.evaluate("window.untitled")).toBe(0);
  await expect(page).toHaveTitle("Settings · wf-offboard");
});

test("a browser whose clock is off gets the server's HTML hydrated without a mismatch, then its own time", async ({ page }) => {
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await connectedWithKey(page);
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  // The key was connected just now: the server renders its age as 0 days, a browser 400 days
  // ahead would render 400. Hydration must keep the server's text; the browser's comes after.
  await page.clock.setFixedTime(Date.now() + 400 * 24 * 60 * 60 * 1000);
  await settings.goto();
  await expect(settings.value("Key age")).toHaveText(/^400 days/);
  expect(errors).toEqual([]);
});

test("with WORKFRONT_API_KEY in the environment the page is locked and says so", async ({ page }) => {
  const settings = new SettingsPage(page, appUrl);
  await settings.signIn("admin");
  await settings.goto();
  await expect(settings.status.getByRole("note")).toContainText("Locked: WORKFRONT_API_KEY is set in the server's environment");
  await expect(settings.form).toHaveCount(0);
  await expect(settings.status.getByRole("button", { name: "Disconnect" })).toHaveCount(0);
  await expect(settings.value("Method")).toHaveText("API key from the environment (WORKFRONT_API_KEY)");
  await settings.testButton.click();
  await expect(settings.testResult).toContainText("may edit users");
  const refused = await page.request.post(`${appUrl}/api/settings/workfront`, {
    data: { method: "api_key", tenant: openEmulatorUrl, apiKey: openApiKey },
  });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("settings_locked");
  expect((await page.request.delete(`${appUrl}/api/settings/workfront`)).status()).toBe(409);
});
