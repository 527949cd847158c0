import { type Browser, type Page } from "@playwright/test";
import { openEmulator } from "./pages/settings-page";
import { demoAccounts, expect, signIn, test } from "./support/fixtures";
import { seriousAccessibilityViolations } from "./support/axe";
import { appUrl, openApiKey, openAppUrl, openEmulatorUrl } from "./support/servers";

/**
 * The header's language switch: the choice holds across reloads and, being remembered on the
 * account, follows the person into a browser that asks for English. The remembered language is
 * state every spec signing in as the main app's admin shares, so the test ends in English and
 * afterAll puts it back whatever happened. Then the Settings page in German, with axe.
 */
test.describe.configure({ mode: "serial" });
test.use({ locale: "en-US" });

const languageSwitch = (page: Page) => page.getByRole("combobox", { name: /^(Language|Sprache)$/ });

async function expectGermanUsersPage(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1, name: "Benutzer" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Benutzer · wf-offboard");
  await expect(page.getByRole("tablist", { name: "Benutzerstatus" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Einstellungen" })).toBeVisible();
  await expect(languageSwitch(page)).toHaveValue("de");
}

/** The main app's admin back to English, through the API a signed-in browser uses. */
async function restoreEnglish(browser: Browser): Promise<void> {
  const context = await browser.newContext({ baseURL: appUrl, locale: "en-US" });
  const page = await context.newPage();
  await signIn(page, "admin");
  const response = await page.request.post(`${appUrl}/api/preferences/locale`, { data: { locale: "en" } });
  expect(response.ok()).toBe(true);
  await context.close();
}

/** By field names, in any language; the open app may have no connection yet, so no users table to wait for. */
async function signInToOpenApp(page: Page): Promise<void> {
  await page.goto(`${openAppUrl}/sign-in`);
  const form = page.locator("form").filter({ has: page.locator('input[type="password"]') });
  await form.locator('input[name="email"]').fill(demoAccounts.admin.email);
  await form.locator('input[type="password"]').fill(demoAccounts.admin.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/users/);
}

test.afterAll(async ({ browser }) => {
  await restoreEnglish(browser);
});

test("the language switch holds across reloads and follows the account into another browser", async ({ page, browser }) => {
  await signIn(page, "admin");
  await expect(page.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();

  await languageSwitch(page).selectOption("de");
  await expectGermanUsersPage(page);
  await page.reload();
  await expectGermanUsersPage(page);

  // Every page follows, the locked Settings page and its banner-free header included.
  await page.getByRole("link", { name: "Einstellungen" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();
  await expect(page).toHaveTitle("Einstellungen · wf-offboard");
  await expect(page.getByRole("region", { name: "Workfront-Verbindung" }).getByRole("note")).toContainText(
    "Gesperrt: WORKFRONT_API_KEY ist in der Serverumgebung gesetzt",
  );
  await page.getByRole("button", { name: "Abmelden", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in/);

  // A fresh browser that asks for English: English until the account is known, then German.
  const context = await browser.newContext({ baseURL: appUrl, locale: "en-US" });
  const other = await context.newPage();
  try {
    await other.goto("/sign-in");
    await expect(other.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
    await signIn(other, "admin");
    await expectGermanUsersPage(other);

    await languageSwitch(other).selectOption("en");
    await expect(other.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(languageSwitch(other)).toHaveValue("en");
    await other.reload();
    await expect(other.getByRole("heading", { level: 1, name: "Users" })).toBeVisible();
    await expect(other.locator("html")).toHaveAttribute("lang", "en");
  } finally {
    await context.close();
  }
});

test.describe("the Settings page in German", () => {
  // Accept-Language only: this browser's choice, never stored on the open app's admin account.
  test.use({ locale: "de-DE" });

  test("speaks German and axe finds no serious or critical violation", async ({ page }) => {
    await signInToOpenApp(page);
    // Connected with the emulator's key, as e2e/settings.spec.ts leaves the open app.
    await openEmulator(page.request, "POST", "api-keys/restore");
    const connected = await page.request.post(`${openAppUrl}/api/settings/workfront`, {
      data: { method: "api_key", tenant: openEmulatorUrl, apiKey: openApiKey },
    });
    expect(connected.status()).toBe(200);

    await page.goto(`${openAppUrl}/settings`);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page).toHaveTitle("Einstellungen · wf-offboard");
    await expect(page.getByRole("heading", { level: 1, name: "Einstellungen" })).toBeVisible();
    const status = page.getByRole("region", { name: "Workfront-Verbindung" });
    await expect(page.getByTestId("connection-state")).toHaveText("Verbunden");
    const value = (term: string) => status.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("+ dd");
    await expect(value("Verbindungsart")).toHaveText("API-Schlüssel");
    await expect(value("API-Schlüssel")).toHaveText(`endet auf …${openApiKey.slice(-4)}`);
    await expect(value("Darf Benutzer ändern")).toHaveText("ja (Systemadministrator)");
    await expect(value("Alter des Schlüssels")).toHaveText("mindestens 0 Tage (gezählt ab der Verbindung mit diesem Dashboard)");
    // Connecting tested the key: a German date and time.
    await expect(value("Zuletzt getestet")).toHaveText(/^\d{2}\.\d{2}\.\d{4}, \d{2}:\d{2}$/);

    await status.getByRole("button", { name: "Verbindung testen" }).click();
    await expect(page.getByTestId("test-result")).toHaveText(
      "Verbunden als Workfront Integration <integration@acme.example>, Systemadministrator: darf Benutzer ändern.",
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const form = page.getByRole("form", { name: "Workfront verbinden" });
    await expect(page.getByRole("heading", { level: 2, name: "Verbindung erneuern oder ersetzen" })).toBeVisible();
    await expect(form.getByRole("tablist", { name: "Art der Verbindung" })).toBeVisible();
    // OAuth2 first (the way that works on every tenant), username and password last.
    await expect(form.getByRole("tab", { name: "OAuth2 Server-zu-Server" })).toHaveAttribute("aria-selected", "true");
    await expect(form.getByLabel("Privater Schlüssel (PEM)")).toBeVisible();
    await form.getByRole("tab", { name: "Benutzername und Passwort" }).click();
    await expect(form.getByLabel("Workfront-Benutzername")).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // A refusal reads in German, with the server's own words as a detail.
    await form.getByRole("tab", { name: "API-Schlüssel" }).click();
    // The tab panel is labelled "API-Schlüssel" too: the field only.
    await form.getByLabel("API-Schlüssel", { exact: true }).and(page.locator("input")).fill("0".repeat(32));
    await form.getByRole("button", { name: "Testen und verbinden" }).click();
    await expect(form.getByRole("alert")).toContainText("Workfront hat diese Zugangsdaten abgelehnt.");
    await expect(form.getByRole("alert")).toContainText("Details: Workfront refused this API key");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    await status.getByRole("button", { name: "Trennen" }).click();
    const dialog = page.getByRole("dialog", { name: "Workfront trennen?" });
    await expect(dialog).toContainText("Workfront wird aufgefordert, diesen API-Schlüssel zu löschen.");
    await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("connection-state")).toHaveText("Verbunden");

    // The right key: the toast and sonner's own labels speak German too.
    await form.getByLabel("API-Schlüssel", { exact: true }).and(page.locator("input")).fill(openApiKey);
    await form.getByRole("button", { name: "Testen und verbinden" }).click();
    const toasts = page.getByRole("region", { name: "Benachrichtigungen (Alt+T)" });
    await expect(toasts).toContainText(`Verbunden mit ${openEmulatorUrl}`);
    await expect(toasts.getByRole("button", { name: "Benachrichtigung schließen" })).toBeAttached();
  });
});
