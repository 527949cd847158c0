import type { Page } from "@playwright/test";
import type { UserDto, UserListPage } from "@/lib/offboarding/user-dto";
import { expect, test } from "./support/fixtures";

/**
 * The users page and the single deactivate flow for a reader whose browser asks for German
 * (Playwright sends the locale as Accept-Language). The app formats dates in APP_TIME_ZONE, UTC
 * in these tests, so the expected dates are formatted in UTC too.
 */
test.use({ locale: "de-DE" });

const DAY_MS = 86_400_000;
const germanDate = (date: Date) => new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "UTC" }).format(date);

async function activeUsers(page: Page, query: string): Promise<UserDto[]> {
  const response = await page.request.get(`/api/users?status=active&pageSize=200&${query}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as UserListPage).users;
}

test("the users page speaks German: tabs, column headers, counts and plurals, dates", async ({ usersPage, page }) => {
  await usersPage.goto();
  await expect(page.locator("html")).toHaveAttribute("lang", "de");
  await expect(page).toHaveTitle("Benutzer · wf-offboard");
  await expect(page.getByRole("heading", { name: "Benutzer", level: 1 })).toBeVisible();
  await expect(page.getByRole("tablist", { name: "Benutzerstatus" })).toBeVisible();
  await expect(usersPage.tab("Active")).toHaveText(/^Aktiv\s*\d+$/);
  await expect(usersPage.tab("Deactivated")).toHaveText(/^Deaktiviert\s*\d+$/);
  await expect(usersPage.tab("All")).toHaveText(/^Alle\s*\d+$/);
  for (const header of ["Name", "E-Mail", "Position", "Lizenz", "Zugriffsebene", "Stammgruppe", "Letzte Anmeldung", "Status", "Aktionen"]) {
    await expect(usersPage.columnHeader(header)).toBeAttached();
  }
  await expect(usersPage.search).toHaveAttribute("placeholder", "Nach Name oder E-Mail suchen …");

  // The plural follows the count: "von 412 Benutzern", but "von 1 Benutzer".
  const active = await usersPage.tabCount("Active");
  await expect(usersPage.summary).toHaveText(`1–25 von ${active} Benutzern`);
  await expect(page.getByText(`Seite 1 von ${Math.ceil(active / 25)}`)).toBeVisible();

  // Last login says how long ago, the German way, with the exact date beside it for screen readers.
  await usersPage.sortButton("Letzte Anmeldung").click();
  await usersPage.sortButton("Letzte Anmeldung").click();
  await expect(usersPage.columnHeader("Letzte Anmeldung")).toHaveAttribute("aria-sort", "descending");
  await usersPage.settled();
  const now = Date.now();
  const recent = (await activeUsers(page, "sort=lastLogin&dir=desc")).find((user) => {
    const age = now - Date.parse(user.lastLoginAt ?? "");
    return age > 1.6 * DAY_MS && age < 6.4 * DAY_MS;
  });
  expect(recent, "the seeded tenant has someone who last signed in a few days ago").toBeDefined();
  const lastLogin = new Date(recent!.lastLoginAt!);
  const days = Math.round((now - lastLogin.getTime()) / DAY_MS);
  const time = usersPage.rows.filter({ hasText: recent!.email! }).locator("time");
  await expect(time).toHaveText(`vor ${days} Tagen (${germanDate(lastLogin)})`);
  await expect(time).toHaveAttribute("title", /^\p{L}+, \d{1,2}\. \p{L}+ \d{4}/u);

  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);

  await usersPage.searchFor(recent!.email!);
  await expect(usersPage.summary).toHaveText("1–1 von 1 Benutzer");
  await usersPage.searchFor("zz-niemand-zz");
  await expect(usersPage.table.getByText("Keine aktiven Benutzer zu „zz-niemand-zz“ gefunden.")).toBeVisible();
  await expect(usersPage.summary).toHaveText("Keine Benutzer");
});

test("an operator deactivates and reactivates one user through the German dialog", async ({ usersPage, page }) => {
  const user = (await activeUsers(page, "")).filter((candidate) => !candidate.protection && !candidate.isAdmin && candidate.email)[20]!;
  await usersPage.goto();
  await usersPage.searchFor(user.email!);
  await expect(usersPage.rows).toHaveCount(1);
  await expect(usersPage.tab("Active")).toHaveText(/^Aktiv\s*1$/);
  await expect(usersPage.tab("Deactivated")).toHaveText(/^Deaktiviert\s*0$/);

  await usersPage.rowAction("Deactivate", user.name).click();
  const dialog = usersPage.dialog;
  await expect(dialog.getByRole("heading", { name: `${user.name} deaktivieren?` })).toBeVisible();
  await expect(dialog).toContainText("Die Person kann sich nicht mehr bei Workfront anmelden");
  await expect(dialog.getByRole("group", { name: "Betroffener Benutzer" })).toContainText(`Lizenz: ${user.licenseTypeLabel ?? "keine"}`);
  await expect(dialog.getByRole("button", { name: "Abbrechen" })).toBeVisible();
  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);

  // The reason (Grund) is required, and the dialog says so in German.
  await usersPage.confirmButton("Deactivate").click();
  await expect(usersPage.reason).toBeFocused();
  await expect(usersPage.reason).toHaveAttribute("aria-invalid", "true");
  await expect(usersPage.reason).toHaveAccessibleDescription(/Geben Sie einen Grund mit mindestens 3 Zeichen an\./);
  await usersPage.reason.fill("Hat das Unternehmen zum Monatsende verlassen");
  await usersPage.ticket.fill("HR-0815");
  await usersPage.confirmButton("Deactivate").click();

  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${user.name} ist deaktiviert.`)).toBeVisible();
  const row = usersPage.row(user.name);
  await expect(row.getByText("Deaktiviert", { exact: true })).toBeVisible();
  await expect(row.getByText(germanDate(new Date()), { exact: true })).toBeVisible();
  await expect(usersPage.tab("Active")).toHaveText(/^Aktiv\s*0$/);
  await expect(usersPage.tab("Deactivated")).toHaveText(/^Deaktiviert\s*1$/);

  await usersPage.tab("Deactivated").click();
  await usersPage.settled();
  await expect(usersPage.columnHeader("Deaktiviert")).toBeVisible();
  const details = usersPage.row(user.name).getByRole("definition");
  await expect(details).toHaveText(["operator@demo.local", "Hat das Unternehmen zum Monatsende verlassen", "HR-0815"]);
  await expect(usersPage.row(user.name).getByRole("term")).toHaveText(["Von", "Grund", "Ticket"]);

  await usersPage.rowAction("Reactivate", user.name).click();
  await expect(dialog.getByRole("heading", { name: `${user.name} reaktivieren?` })).toBeVisible();
  await usersPage.reason.fill("Versehentlich deaktiviert");
  await usersPage.confirmButton("Reactivate").click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`${user.name} ist wieder aktiv.`)).toBeVisible();
  await expect(usersPage.row(user.name).getByText("Aktiv", { exact: true })).toBeVisible();
});
