import { generateKeyPairSync } from "node:crypto";
import { type APIRequestContext, type Locator, type Page, expect } from "@playwright/test";
import { seriousAccessibilityViolations } from "../support/axe";
import { type Role, demoAccounts } from "../support/fixtures";
import { openEmulatorUrl } from "../support/servers";

export type ConnectMethod = "Username and password" | "API key" | "OAuth2 server-to-server";

export interface OAuthAppFields {
  clientId: string;
  clientSecret: string;
  customerId: string;
  userId: string;
  privateKeyPem: string;
}

/**
 * The Settings page (Workfront connection) as an admin sees it, by role and label. It signs in on
 * its own: on an app with no connection the users table never appears, which the shared signIn
 * helper waits for.
 */
export class SettingsPage {
  readonly status: Locator;
  readonly state: Locator;
  readonly form: Locator;
  readonly formError: Locator;
  readonly submit: Locator;
  readonly testButton: Locator;
  readonly testResult: Locator;
  readonly banner: Locator;

  constructor(
    readonly page: Page,
    readonly baseURL: string,
  ) {
    this.status = page.getByRole("region", { name: "Workfront connection" });
    this.state = page.getByTestId("connection-state");
    this.form = page.getByRole("form", { name: "Connect Workfront" });
    this.formError = this.form.getByRole("alert");
    this.submit = page.getByRole("button", { name: "Test and connect" });
    this.testButton = page.getByRole("button", { name: "Test connection" });
    this.testResult = page.getByTestId("test-result");
    this.banner = page.getByTestId("connection-banner");
  }

  async signIn(role: Role): Promise<void> {
    const account = demoAccounts[role];
    await this.page.goto(`${this.baseURL}/sign-in`);
    await this.page.getByLabel("E-mail").fill(account.email);
    await this.page.getByLabel("Password").fill(account.password);
    await this.page.getByRole("button", { name: "Sign in" }).click();
    await expect(this.page).toHaveURL(/\/users/);
  }

  async goto(): Promise<void> {
    await this.page.goto(`${this.baseURL}/settings`);
    await expect(this.page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  }

  /** The status card's value for a term, e.g. "Workfront user". */
  value(term: string): Locator {
    return this.status.locator("dt", { hasText: new RegExp(`^${term}$`) }).locator("+ dd");
  }

  /** A form field by its label (the "API key" tab panel is labelled "API key" too: fields only). */
  field(label: string): Locator {
    return this.form.getByLabel(label, { exact: true }).and(this.page.locator("input, textarea"));
  }

  async choose(method: ConnectMethod): Promise<void> {
    await this.form.getByRole("tab", { name: method }).click();
  }

  async connectWithPassword(username: string, password: string): Promise<void> {
    await this.choose("Username and password");
    await this.field("Workfront username").fill(username);
    await this.field("Password").fill(password);
    await this.submit.click();
  }

  async connectWithKey(apiKey: string): Promise<void> {
    await this.choose("API key");
    await this.field("API key").fill(apiKey);
    await this.submit.click();
  }

  async connectWithOAuth(app: OAuthAppFields): Promise<void> {
    await this.choose("OAuth2 server-to-server");
    await this.field("Client ID").fill(app.clientId);
    await this.field("Client secret").fill(app.clientSecret);
    await this.field("Customer ID").fill(app.customerId);
    await this.field("User ID").fill(app.userId);
    await this.field("Private key (PEM)").fill(app.privateKeyPem);
    await this.submit.click();
  }

  async expectConnected(): Promise<void> {
    await expect(this.state).toHaveText("Connected");
  }

  async disconnect(): Promise<void> {
    await this.status.getByRole("button", { name: "Disconnect" }).click();
    const dialog = this.page.getByRole("dialog", { name: "Disconnect Workfront?" });
    await dialog.getByRole("button", { name: "Disconnect" }).click();
    await expect(dialog).toBeHidden();
    await expect(this.state).toHaveText("Not connected");
  }

  seriousAccessibilityViolations(): Promise<string[]> {
    return seriousAccessibilityViolations(this.page);
  }
}

/** The open app's emulator's control API (never counted, throttled or faulted). */
export async function openEmulator(request: APIRequestContext, method: "GET" | "POST", path: string, data?: unknown) {
  const response = await request.fetch(`${openEmulatorUrl}/__emulator/${path}`, { method, data });
  expect(response.ok(), `${method} ${path}`).toBe(true);
  return response.json();
}

/** A Machine-to-Machine OAuth2 app on the open emulator, with the private key an admin would paste. */
export async function registerOAuthApp(request: APIRequestContext): Promise<OAuthAppFields> {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const app = await openEmulator(request, "POST", "oauth-apps", { publicKeyPem: publicKey.export({ type: "spki", format: "pem" }).toString() });
  return { ...app, privateKeyPem: privateKey.export({ type: "pkcs8", format: "pem" }).toString() };
}
