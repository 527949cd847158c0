import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { SettingsPage, openEmulator, registerOAuthApp } from "./pages/settings-page";
import { expect, test } from "./support/fixtures";
import { e2eApiKey, openApiKey, openAppUrl } from "./support/servers";

/**
 * The Workfront credential never reaches a browser. The app was built with the key in its
 * environment (e2e/support/build.ts) and runs with it, so a leak anywhere would show here.
 */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

test("no file under .next/static holds the credential", () => {
  const files = filesUnder(".next/static");
  expect(files.length).toBeGreaterThan(10);
  const leaking = files.filter((file) => readFileSync(file).includes(e2eApiKey));
  expect(leaking).toEqual([]);
});

test("no page and no API response holds the credential", async ({ usersPage, people }) => {
  const request = usersPage.page.request;
  const users = await (await request.get("/api/users?pageSize=25")).json();
  const { id } = people.active(1)[0]!;
  // A real write, so the audit log and its export have content to leak through.
  const deactivated = await request.post(`/api/users/${id}/deactivate`, { data: { reason: "Leak test", ticket: "SEC-1" } });
  expect(deactivated.status()).toBe(200);
  try {
    const urls = [
      "/users",
      "/users?status=deactivated",
      "/audit",
      "/sign-in",
      "/api/health",
      "/api/users?status=all&pageSize=200",
      "/api/users/counts",
      `/api/users/${id}`,
      "/api/audit",
      "/api/audit?format=csv",
      "/api/auth/session",
      "/api/no-such-route",
    ];
    const bodies = [await deactivated.text()];
    for (const url of urls) {
      const response = await request.get(url);
      expect(response.status(), url).toBeLessThan(500);
      bodies.push(`${JSON.stringify(response.headers())}\n${await response.text()}`);
    }
    const pageContent = await usersPage.page.content();
    for (const body of [...bodies, pageContent]) expect(body).not.toContain(e2eApiKey);
    // The app did talk to Workfront with that key: the list above came from it.
    expect(users.users).toHaveLength(25);
  } finally {
    await request.post(`/api/users/${id}/reactivate`, { data: { reason: "Leak test done" } });
  }
});

/**
 * The open app, connected through its Settings page each way: the API key, the password, the
 * OAuth2 client secret and private key appear in no page, no response the browser received, no
 * static file, and no line of its server log (run at debug level with Workfront requests logged;
 * playwright.config.ts sends its output to data/e2e-open/server.log).
 */
const OPEN_APP_LOG = "data/e2e-open/server.log";

test("connecting through Settings leaks no credential to pages, responses, bundles or logs", async ({ browser }) => {
  test.setTimeout(90_000);
  const page = await browser.newPage();
  const bodies: Promise<string>[] = [];
  page.on("response", (response) => {
    if (!response.url().startsWith(openAppUrl)) return;
    bodies.push(
      response
        .text()
        .then((text) => `${response.url()}\n${JSON.stringify(response.headers())}\n${text}`)
        .catch(() => ""),
    );
  });
  const settings = new SettingsPage(page, openAppUrl);
  await settings.signIn("admin");
  await openEmulator(page.request, "POST", "api-keys/restore");
  const app = await registerOAuthApp(page.request);
  const password = "workfront-demo";
  const pemLines = app.privateKeyPem.split("\n").filter((line) => line.length >= 40 && !line.startsWith("-----"));
  const secrets = [openApiKey, password, app.clientSecret, ...pemLines];

  await settings.goto();
  await settings.connectWithPassword("integration@acme.example", "a-wrong-password-value");
  await expect(settings.formError).toBeVisible();
  await settings.connectWithPassword("integration@acme.example", password);
  await settings.expectConnected();
  await settings.testButton.click();
  await expect(settings.testResult).toBeVisible();
  await settings.connectWithOAuth(app);
  await expect(settings.value("Method")).toHaveText("OAuth2 server-to-server (JWT)");
  await page.goto(`${openAppUrl}/users`);
  await expect(page.getByRole("table", { name: "Workfront users" })).toHaveAttribute("aria-busy", "false");
  await settings.goto();
  await settings.connectWithKey(openApiKey);
  await settings.expectConnected();
  await settings.testButton.click();
  await expect(settings.testResult).toBeVisible();
  for (const url of ["/users", "/audit", "/settings", "/api/settings/workfront", "/api/users?pageSize=5", "/api/auth/session"]) {
    await page.goto(`${openAppUrl}${url}`);
  }
  const pageContent = await page.content();
  const received = await Promise.all(bodies);
  expect(received.length).toBeGreaterThan(10);
  expect(received.some((body) => body.includes("/api/settings/workfront"))).toBe(true);

  const staticFiles = filesUnder(".next/static").map((file) => readFileSync(file, "latin1"));
  const log = readFileSync(OPEN_APP_LOG, "utf8");
  // The log was captured and holds the connection's events, at debug level.
  expect(log).toContain('"event":"connect_workfront"');
  expect(log).toContain('"msg":"workfront request"');
  for (const secret of secrets) {
    const label = secret === password ? "the password" : `a secret ending …${secret.slice(-4)}`;
    expect(pageContent.includes(secret), `${label} in the page`).toBe(false);
    expect(received.filter((body) => body.includes(secret)).map((body) => body.split("\n")[0]), `${label} in a response`).toEqual([]);
    expect(staticFiles.some((file) => file.includes(secret)), `${label} in .next/static`).toBe(false);
    expect(log.includes(secret), `${label} in the server log`).toBe(false);
  }
  await page.close();
});
