import { test as base, expect, type Page } from "@playwright/test";
import { ImportPage } from "../pages/import-page";
import { JobPage } from "../pages/job-page";
import { UsersPage } from "../pages/users-page";

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

/** Signs in through the real form, as a person would; the session cookie stays in the page's context. */
export async function signIn(page: Page, role: Role): Promise<void> {
  const account = demoAccounts[role];
  await page.goto("/sign-in");
  await page.getByLabel("E-mail").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/users/);
  // Let the landing page's own requests finish: a test that counts Workfront requests from here
  // on must not count the users list loading behind it.
  await expect(page.getByRole("table", { name: "Workfront users" })).toHaveAttribute("aria-busy", "false");
  await expect(page.getByRole("tab", { name: /^Active\b/ })).toHaveText(/\d/);
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
}

export const test = base.extend<Fixtures>({
  role: ["operator", { option: true }],
  // `provide`, not the usual `use`: the React hooks lint rule would take `use` for React's.
  usersPage: async ({ page, role }, provide) => {
    await signIn(page, role);
    await provide(new UsersPage(page));
  },
  jobPage: async ({ page, usersPage: _signedIn }, provide) => {
    await provide(new JobPage(page));
  },
  importPage: async ({ page, usersPage: _signedIn }, provide) => {
    await provide(new ImportPage(page));
  },
});

export { expect };
