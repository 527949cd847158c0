import { randomUUID } from "node:crypto";
import { type Page, expect, test } from "@playwright/test";
import { demoAccounts } from "./support/fixtures";

// Next's route announcer is an (empty) alert too; the form's message is the one with text.
const formAlert = (page: Page, text: string) => page.getByRole("alert").filter({ hasText: text });

test("a stranger is sent to sign in, and a wrong password is refused", async ({ page }) => {
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("E-mail").fill(demoAccounts.viewer.email);
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(formAlert(page, "do not match an account")).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("the session cookie is httpOnly and SameSite=Lax", async ({ page, context }) => {
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(demoAccounts.viewer.email);
  await page.getByLabel("Password").fill(demoAccounts.viewer.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/users/);
  const session = (await context.cookies()).find((cookie) => cookie.name.includes("session-token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
});

test("sign-in is throttled after five failures for one e-mail", async ({ page }) => {
  // An address of this run's own: the lock lasts 15 minutes, longer than a run of the suite.
  const guessed = `guessing-${randomUUID().slice(0, 8)}@demo.local`;
  await page.goto("/sign-in");
  const email = page.getByLabel("E-mail");
  const password = page.getByLabel("Password");
  const submit = page.getByRole("button", { name: "Sign in" });
  for (let attempt = 0; attempt < 5; attempt += 1) {
    await email.fill(guessed);
    await password.fill(`guess-${attempt}`);
    await submit.click();
    await expect(formAlert(page, "do not match an account")).toBeVisible();
    await expect(submit).toBeEnabled();
  }
  await password.fill("guess-5");
  await submit.click();
  await expect(formAlert(page, "Too many failed sign-ins")).toBeVisible();
});

test("without single sign-on configured there is no SSO button, and ?error= never echoes its text", async ({ page }) => {
  await page.goto("/sign-in?error=%3Cb%3EYour%20account%20is%20locked%3C%2Fb%3E");
  await expect(page.getByRole("button", { name: /^Continue with/ })).toHaveCount(0);
  await expect(formAlert(page, "Sign-in failed. Try again.")).toBeVisible();
  await expect(page.getByText("Your account is locked")).toHaveCount(0);
});
