import { type Page, expect } from "@playwright/test";
import { type OidcLogin, oidcClient } from "./oidc-accounts";
import { oidcIssuer, openAppUrl } from "./servers";

/** The open app's SSO button, by its label (AUTH_OIDC_NAME). */
export const ssoButton = (page: Page) => page.getByRole("button", { name: `Continue with ${oidcClient.name}` });

/**
 * Signs in through the test IdP as a person would: the app's button, the IdP's own login form
 * (any password), and back. Ends wherever the app sends the person.
 */
export async function signInWithSso(page: Page, login: OidcLogin, signInPath = "/sign-in", appUrl = openAppUrl): Promise<void> {
  // The IdP's development pages import a web font; there is no internet here and none is needed.
  await page.route("https://fonts.googleapis.com/**", (route) => route.abort());
  await page.goto(`${appUrl}${signInPath}`);
  await ssoButton(page).click();
  await expect(page).toHaveURL(new RegExp(`^${oidcIssuer}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password at all");
  await page.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(new RegExp(`^${appUrl}/`));
}
