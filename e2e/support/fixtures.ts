import { basename } from "node:path";
import { test as base, expect, type Page } from "@playwright/test";
import { ImportPage } from "../pages/import-page";
import { JobPage } from "../pages/job-page";
import { UsersPage, englishWords, germanWords } from "../pages/users-page";
import { type People, peopleOf } from "./people";

export type Role = "viewer" | "operator" | "admin";

/**
 * The demo accounts that `ensureDemoAccounts` (lib/auth/accounts-demo.ts) creates. Repeated here
 * because that module is server-only; the e2e app must be started with them in its database.
 */
export const demoAccounts: Record<Role, { email: string; password: string }> = {
  admin: { email: "admin@demo.local", password: "demo-admin-password" },
  operator: { email: "operator@demo.local", password: "demo-operator-password" },
  viewer: { email: "viewer@demo.local", password: "demo-viewer-password" },
};

/**
 * Signs in through the real form, as a person would; the session cookie stays in the page's
 * context. It finds the form and the users page by what does not change with the language (field
 * names, element IDs), so that specs in any language can use it; sign-in.spec.ts tests the
 * form's labels.
 */
export async function signIn(page: Page, role: Role): Promise<void> {
  const account = demoAccounts[role];
  await page.goto("/sign-in");
  const form = page.locator("form").filter({ has: page.locator('input[type="password"]') });
  await form.locator('input[name="email"]').fill(account.email);
  await form.locator('input[type="password"]').fill(account.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/users/);
  // Let the landing page's own requests finish: a test that counts Workfront requests from here
  // on must not count the users list loading behind it.
  await expect(page.getByRole("table").and(page.locator("#users-table"))).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("tab").and(page.locator("#users-tab-active"))).toHaveText(/\d/);
}

interface Fixtures {
  /** Who the test signs in as; change it per file or describe block with `test.use({ role })`. */
  role: Role;
  /** The users page, signed in as `role`. */
  usersPage: UsersPage;
  /** A job's page (reached by creating or opening a job); signs in through `usersPage`. */
  jobPage: JobPage;
  /** The import screen, signed in as `role`. */
  importPage: ImportPage;
  /** The people this spec may change, and nobody else does (e2e/support/people.ts); signs in through `usersPage`. */
  people: People;
}

export const test = base.extend<Fixtures>({
  role: ["operator", { option: true }],
  // `provide`, not the usual `use`: the React hooks lint rule would take `use` for React's.
  usersPage: async ({ page, role, locale }, provide) => {
    await signIn(page, role);
    // Playwright sends the context's locale as Accept-Language, which picks the app's language.
    await provide(new UsersPage(page, locale?.startsWith("de") ? germanWords : englishWords));
  },
  jobPage: async ({ page, usersPage: _signedIn }, provide) => {
    await provide(new JobPage(page));
  },
  importPage: async ({ page, usersPage: _signedIn }, provide) => {
    await provide(new ImportPage(page));
  },
  people: async ({ page, usersPage: _signedIn }, provide, testInfo) => {
    await provide(await peopleOf(page.request, basename(testInfo.file)));
  },
});

export { expect };
