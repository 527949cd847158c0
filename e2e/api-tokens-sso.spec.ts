import { randomUUID } from "node:crypto";
import type { RunningEmulator } from "../emulator";
import { blockingOf } from "../lib/offboarding/impact/blocking";
import type { ImpactCounts } from "../lib/offboarding/impact/types";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { seriousAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";
import { oidcAppEnv, ssoOnlyAppUrl } from "./support/oidc-accounts";
import { extraAppPorts } from "./support/servers";
import { signInWithSso } from "./support/sso";

/**
 * Where single sign-on is the only way in (AUTH_LOCAL_ACCOUNTS=false) no script can sign in; an
 * API token is how one works. An admin signs in through the IdP, creates an operator token in
 * Settings (shown once), and a script that knows nothing but the app's address and the token
 * deactivates a person through the leavers feed, with plain fetch.
 */
let emulator: RunningEmulator;
let app: RunningApp;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  // Starting a server of its own takes longer than a test's default on a busy machine.
  test.setTimeout(120_000);
  emulator = await startExtraEmulator();
  app = await startApp("sso-only", extraAppPorts.ssoOnly, {
    AUTH_LOCAL_ACCOUNTS: "false",
    ...oidcAppEnv,
  });
  expect(app.url).toBe(ssoOnlyAppUrl);
});

test.afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

/** The script: fetch with the token, nothing else (no cookies, no sign-in). */
function script(token: string) {
  const call = async (path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const response = await fetch(`${app.url}${path}`, {
      method: init.method ?? "GET",
      headers: { authorization: `Bearer ${token}`, ...(init.body ? { "content-type": "application/json" } : {}), ...init.headers },
      body: init.body ? JSON.stringify(init.body) : undefined,
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  return call;
}

test("an SSO admin creates a token in Settings, a script with it deactivates a person, and revoking it stops the script", async ({ page }) => {
  await signInWithSso(page, "sso-admin", "/sign-in", app.url);
  await page.goto(`${app.url}/settings`);
  const card = page.locator("section[aria-labelledby='tokens-heading']");
  await card.getByLabel("Name (what uses it)").fill("HR leaver feed");
  await card.getByLabel("Role").selectOption("operator");
  await card.getByRole("button", { name: "Create token" }).click();
  const shown = card.getByLabel("Token", { exact: true });
  await expect(shown).toHaveValue(/^wfo_[A-Za-z0-9_-]{43}$/);
  const token = await shown.inputValue();
  // Shown once: after a reload the list has the token's name and prefix, never the token.
  await page.reload();
  await expect(card.locator("#tokens-table")).toContainText("HR leaver feed");
  await expect(card.getByLabel("Token", { exact: true })).toHaveCount(0);
  expect(await page.content()).not.toContain(token.slice(8));
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const call = script(token);
  const users = (await call("/api/users?pageSize=50")).json.users as { id: string; email: string | null; isActive: boolean; isAdmin: boolean }[];
  const ordinary = users.filter((user) => user.isActive && !user.isAdmin && user.email && user.id !== emulator.integrationUser.ID && user.id !== emulator.adminUserID);
  // Someone the open-work gate lets through (the feed answers the blocked without deactivating them).
  const impact = (await call("/api/users/impact", { method: "POST", body: { userIds: ordinary.map((user) => user.id) } })).json.people as Record<string, ImpactCounts>;
  const person = ordinary.find((user) => blockingOf(impact[user.id]!).length === 0)!;
  const sent = await call("/api/leavers", {
    method: "POST",
    headers: { "idempotency-key": randomUUID() },
    body: { people: [{ email: person.email }], reason: "Left the company (HR feed)", ticket: "HR-2026-1" },
  });
  expect(sent.status, JSON.stringify(sent.json)).toBe(201);
  const jobId = (sent.json.job as { id: string }).id;
  await expect.poll(async () => ((await call(`/api/jobs/${jobId}`)).json.job as { status: string }).status, { timeout: 60_000 }).toBe("completed");
  // Workfront has them inactive now (GET /api/users/{id} reads Workfront).
  expect((await call(`/api/users/${person.id}`)).json.isActive).toBe(false);
  // The job's page and the audit log show who: the admin, with an API token.
  await page.goto(`${app.url}/jobs/${jobId}`);
  await expect(page.getByText("(with an API token)")).toBeVisible();
  await page.goto(`${app.url}/audit`);
  await expect(page.locator("table").getByText("with an API token").first()).toBeVisible();
  // Revoked in Settings: the script's next request is refused at once.
  await page.goto(`${app.url}/settings`);
  await card.getByRole("button", { name: "Revoke the token HR leaver feed" }).click();
  await expect(card.locator("#tokens-table")).toContainText("Revoked");
  expect((await call("/api/users?pageSize=25")).status).toBe(401);
});
