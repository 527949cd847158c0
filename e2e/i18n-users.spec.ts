import type { UserDto } from "@/lib/offboarding/user-dto";
import { expect, test } from "./support/fixtures";

/**
 * The users page and the single deactivate flow for a reader whose browser asks for German
 * (Playwright sends the locale as Accept-Language). The app formats dates in APP_TIME_ZONE, UTC
 * in these tests, so the expected dates are formatted in UTC too. Nothing here depends on the day
 * the tests run or the emulator's history is anchored at: dates are read from the page, and "how
 * long ago" is read against a browser clock the test sets.
 */
test.use({ locale: "de-DE" });

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const germanDate = (date: Date) => new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeZone: "UTC" }).format(date);

test("the users page speaks German: tabs, column headers, counts and plurals, dates", async ({ usersPage, page }) => {
  // Two page loads, a reload, an axe scan and two searches: over 30 s on a busy 2-core machine.
  test.setTimeout(60_000);
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
  // The most recent login the page shows; "how long ago" is then read against a browser clock set
  // to three days and two hours after it (the table re-renders with the browser's clock once hydrated).
  const iso = await (await usersPage.cells("Letzte Anmeldung")).locator("time").first().getAttribute("datetime");
  expect(iso, "the first page shows someone who has signed in").toBeTruthy();
  const lastLogin = new Date(iso!);
  const row = usersPage.rows.filter({ has: page.locator(`time[datetime="${iso}"]`) });
  const email = ((await (await usersPage.cells("E-Mail", row)).textContent()) ?? "").trim();
  await page.clock.setFixedTime(lastLogin.getTime() + 3 * DAY_MS + 2 * HOUR_MS);
  await page.reload();
  await usersPage.settled();
  const time = row.locator(`time[datetime="${iso}"]`);
  await expect(time).toHaveText(`vor 3 Tagen (${germanDate(lastLogin)})`);
  await expect(time).toHaveAttribute("title", /^\p{L}+, \d{1,2}\. \p{L}+ \d{4}/u);

  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);

  await usersPage.searchFor(email);
  await expect(usersPage.summary).toHaveText("1–1 von 1 Benutzer");
  await usersPage.searchFor("zz-niemand-zz");
  await expect(usersPage.table.getByText("Keine aktiven Benutzer zu „zz-niemand-zz“ gefunden.")).toBeVisible();
  await expect(usersPage.summary).toHaveText("Keine Benutzer");
});

test("an operator deactivates and reactivates one user through the German dialog", async ({ usersPage, page, people }) => {
  const user = people.active(1)[0]!;
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
  // The date Workfront recorded, in German: whatever day that is where the emulator's clock stands.
  const { deactivation } = (await (await page.request.get(`/api/users/${user.id}`)).json()) as UserDto;
  expect(deactivation?.at).toBeTruthy();
  await expect(row.getByText(germanDate(new Date(deactivation!.at!)), { exact: true })).toBeVisible();
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
