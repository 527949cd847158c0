import { expect, test } from "@playwright/test";
import { seriousAccessibilityViolations } from "./support/axe";
import { oidcClient, oidcPeople } from "./support/oidc-accounts";
import { oidcIssuer, openAppUrl } from "./support/servers";
import { signInWithSso, ssoButton } from "./support/sso";

/**
 * Single sign-on on the open app against a real OpenID provider (e2e/support/oidc-server.ts):
 * roles from groups, the no-access page, sign-out. Nothing here needs Workfront to be connected:
 * it checks who the header says is signed in and what the role may do.
 */
const header = (page: import("@playwright/test").Page) => page.getByRole("banner");
const userId = "0123456789abcdef0123456789abcdef";

test("the sign-in page offers the IdP beside the password form, by keyboard, and passes axe", async ({ page }) => {
  await page.goto(`${openAppUrl}/sign-in`);
  await expect(ssoButton(page)).toBeVisible();
  await expect(page.getByLabel("Password")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(ssoButton(page)).toBeFocused();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);
  // Nothing of the configuration but the label reaches the browser.
  const html = await page.content();
  for (const secret of [oidcClient.secret, "wf-admins", oidcIssuer]) expect(html).not.toContain(secret);
});

test("an admin by group signs in, gets an httpOnly SameSite=Lax session and the admin role, and signs out", async ({ page, context }) => {
  await signInWithSso(page, "sso-admin");
  await expect(page).toHaveURL(`${openAppUrl}/users`);
  await expect(header(page)).toContainText(oidcPeople["sso-admin"].email);
  await expect(header(page)).toContainText("Admin");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toBeVisible();
  const session = (await context.cookies(openAppUrl)).find((cookie) => cookie.name.includes("session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await header(page).getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${openAppUrl}/users`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an operator whose groups come only from userinfo gets the operator role", async ({ page }) => {
  await signInWithSso(page, "sso-operator");
  await expect(page).toHaveURL(`${openAppUrl}/users`);
  await expect(header(page)).toContainText(oidcPeople["sso-operator"].email);
  await expect(header(page)).toContainText("Operator");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" })).toHaveCount(0);
});

test("a viewer by group may look but is refused a deactivation", async ({ page }) => {
  await signInWithSso(page, "sso-viewer");
  await expect(header(page)).toContainText(oidcPeople["sso-viewer"].email);
  await expect(header(page)).toContainText("Viewer");
  const response = await page.request.post(`${openAppUrl}/api/users/${userId}/deactivate`, {
    headers: { origin: openAppUrl },
    data: { reason: "Left the company" },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toMatchObject({ error: { code: "forbidden" } });
});

test("a person whose groups give no role sees who they are and what to do, with no session", async ({ page, context }) => {
  await signInWithSso(page, "sso-nobody");
  await expect(page).toHaveURL(`${openAppUrl}/no-access?reason=no_role`);
  await expect(page.getByRole("heading", { level: 1, name: "No access to wf-offboard" })).toBeVisible();
  await expect(page.getByText("is not in any group that gives a role")).toBeVisible();
  await expect(page.getByText(oidcPeople["sso-nobody"].email)).toBeVisible();
  await expect(page.getByText("staff", { exact: true })).toBeVisible();
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const cookies = await context.cookies(openAppUrl);
  expect(cookies.find((cookie) => cookie.name.includes("session-token"))).toBeUndefined();
  // The note of who was refused is sent to this page only.
  const note = (await context.cookies(`${openAppUrl}/no-access`)).find((cookie) => cookie.name === "wfo.sso-refusal");
  expect(note).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/no-access" });
  expect(note?.value).not.toContain("sso-nobody");
  await page.getByRole("link", { name: "Back to sign-in" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto(`${openAppUrl}/users`);
  await expect(page).toHaveURL(/\/sign-in/);
});

test("an e-mail the IdP has not verified is refused, with the reason", async ({ page }) => {
  await signInWithSso(page, "sso-unverified");
  await expect(page).toHaveURL(`${openAppUrl}/no-access?reason=email_unverified`);
  await expect(page.getByText("has not confirmed your e-mail address")).toBeVisible();
});

test("the no-access page names nobody when reached by a link, and shows no unknown reason", async ({ page }) => {
  await page.goto(`${openAppUrl}/no-access?reason=no_role&email=ceo%40example.com`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("No access to wf-offboard");
  await expect(page.getByText("Signed in as")).toHaveCount(0);
  await expect(page.getByText("ceo@example.com")).toHaveCount(0);
  await page.goto(`${openAppUrl}/no-access?reason=%3Cscript%3E`);
  await expect(page.getByText("Single sign-on did not give you access")).toBeVisible();
});

test("cancelling at the IdP comes back to sign-in with a clear message", async ({ page }) => {
  await page.route("https://fonts.googleapis.com/**", (route) => route.abort());
  await page.goto(`${openAppUrl}/sign-in?callbackUrl=%2Faudit`);
  await ssoButton(page).click();
  await expect(page).toHaveURL(new RegExp(`^${oidcIssuer}/interaction/`));
  await page.getByRole("link", { name: "[ Cancel ]" }).click();
  await expect(page).toHaveURL(/\/sign-in\?.*error=/);
  await expect(page.getByRole("alert").filter({ hasText: "Single sign-on did not complete" })).toBeVisible();
});

test("after signing in, the IdP returns the person to the page they asked for, on this site only", async ({ page, context }) => {
  await signInWithSso(page, "sso-viewer", "/sign-in?callbackUrl=%2Faudit");
  await expect(page).toHaveURL(`${openAppUrl}/audit`);

  // A fresh start (the IdP's session cookie goes too): an address elsewhere is not followed.
  await context.clearCookies();
  await signInWithSso(page, "sso-viewer", `/sign-in?callbackUrl=${encodeURIComponent("https://evil.example/")}`);
  await expect(page).toHaveURL(`${openAppUrl}/users`);
});
