import type { Page } from "@playwright/test";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { UserDto } from "@/lib/offboarding/user-dto";
import { ImportPage } from "./pages/import-page";
import { demoAccounts, expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";
import { accessLevelOf, setAccessLevel } from "./support/workfront-users";

/**
 * What HR admins ran into (issue 14) on the main app: System Administrators in a bulk import,
 * German Excel's CSV, sign-in links. People from this spec's own slice (e2e/support/people.ts).
 */

async function user(page: Page, id: string): Promise<UserDto> {
  return (await (await page.request.get(`/api/users/${id}`)).json()) as UserDto;
}

async function finished(page: Page, jobId: string): Promise<JobDetailDto> {
  let detail: JobDetailDto | undefined;
  await expect
    .poll(async () => (detail = (await (await page.request.get(`/api/jobs/${jobId}`)).json()) as JobDetailDto).job.status, { timeout: 20_000 })
    .toBe("completed");
  return detail!;
}

test.describe("System Administrators in an admin's import", () => {
  test.use({ role: "admin" });

  test("are counted and listed apart, and stay out of the run unless the admin includes them", async ({ page, people, importPage }) => {
    const [one, two, adminA, adminB] = people.active(4);
    const info = (await (await fetch(`${emulatorUrl}/__emulator/info`)).json()) as { adminUserID: string };
    const sysadminLevel = await accessLevelOf(info.adminUserID);
    const levels = new Map([adminA!, adminB!].map((person) => [person.id, ""]));
    for (const id of levels.keys()) levels.set(id, await accessLevelOf(id));
    const jobs: string[] = [];
    try {
      for (const id of levels.keys()) await setAccessLevel(id, sysadminLevel);
      const csv = ["E-mail", one!.email, adminA!.email, two!.email, adminB!.email].join("\r\n");
      await importPage.goto();
      await importPage.upload("leavers.csv", csv);
      await expect(importPage.result("Will be deactivated")).toHaveText("Will be deactivated 2");
      await expect(importPage.result("System Administrators")).toHaveText("System Administrators 2");
      await importPage.result("System Administrators").click();
      await expect(importPage.previewRows).toHaveCount(2);
      await expect(importPage.previewRows.first()).toContainText("not in the run unless you include System Administrators");
      expect(await importPage.seriousAccessibilityViolations()).toEqual([]);

      await importPage.run.click();
      const dialog = importPage.dialog;
      await expect(dialog.getByRole("heading", { name: "Deactivate 2 people?" })).toBeVisible();
      const apart = dialog.getByRole("group", { name: /2 System Administrators in this list/ });
      await expect(apart.getByRole("listitem")).toHaveText([new RegExp(adminA!.name), new RegExp(adminB!.name)]);
      const include = apart.getByRole("checkbox", { name: "Also deactivate these 2 System Administrators" });
      await expect(include).not.toBeChecked();
      expect(await importPage.seriousAccessibilityViolations()).toEqual([]);
      // The dry run says what each choice would do.
      await include.check();
      await dialog.getByRole("button", { name: "Dry run" }).click();
      await expect(dialog.getByRole("status").filter({ hasText: "Dry run" })).toContainText("4 of 4 would be deactivated");
      await include.uncheck();
      await dialog.getByRole("button", { name: "Dry run" }).click();
      await expect(dialog.getByRole("status").filter({ hasText: "Dry run" })).toContainText("2 of 2 would be deactivated");

      await dialog.getByLabel("Reason").fill("Leavers, System Administrators kept");
      await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
      await expect(page).toHaveURL(/\/jobs\/[0-9a-f-]{36}$/);
      const jobId = page.url().split("/jobs/")[1]!;
      jobs.push(jobId);
      const detail = await finished(page, jobId);
      expect(detail.items.rows.map((row) => row.targetId).sort()).toEqual([one!.id, two!.id].sort());
      expect((await user(page, adminA!.id)).isActive).toBe(true);
      expect((await user(page, adminB!.id)).isActive).toBe(true);

      // A script that names a System Administrator without including them gets them refused, not deactivated.
      const response = await page.request.post("/api/jobs", { data: { kind: "deactivate", userIds: [adminA!.id], reason: "Script without the opt-in" } });
      expect(response.status()).toBe(201);
      const scripted = await finished(page, ((await response.json()) as JobDetailDto).job.id);
      expect(scripted.items.rows.map((row) => [row.state, row.errorCode])).toEqual([["refused", "admin_not_included"]]);
      expect((await user(page, adminA!.id)).isActive).toBe(true);
    } finally {
      for (const jobId of jobs) {
        const undo = await page.request.post(`/api/jobs/${jobId}/undo`, { data: { reason: "Clean up after the HR test" } });
        if (undo.status() === 201) await finished(page, ((await undo.json()) as JobDetailDto).job.id);
      }
      for (const [id, level] of levels) await setAccessLevel(id, level);
    }
  });
});

test("a Windows-1252 file from German Excel previews with its umlauts, an Outlook line split, a formula and a name each said for what they are", async ({ page, usersPage: _signedIn }) => {
  const importPage = new ImportPage(page);
  await importPage.goto();
  const text = [
    "Name;E-Mail",
    "Jürgen Müller;juergen.mueller@example.invalid",
    'Team;"ana.ruiz@example.invalid; bo.li@example.invalid;"',
    'Formel;=HYPERLINK("mailto:x@example.invalid")',
    "Name;Müller, Jürgen",
  ].join("\r\n");
  // Windows-1252: one byte a character, "ü" is 0xFC (never valid UTF-8 on its own).
  const bytes = Buffer.from([...text].map((char) => char.charCodeAt(0)));
  await importPage.file.setInputFiles({ name: "austritte.csv", mimeType: "text/csv", buffer: bytes });
  await importPage.checkFile.click();
  await expect(importPage.summary).toBeVisible();
  await expect(page.getByText("Read as Windows-1252 (Excel CSV, Western Europe).")).toBeVisible();
  await expect(importPage.result("Not found")).toHaveText("Not found 3");
  await expect(importPage.result("Unreadable")).toHaveText("Unreadable 2");
  await expect(importPage.previewRows.filter({ hasText: "bo.li@example.invalid" })).toContainText("3");
  await expect(importPage.previewRows.filter({ hasText: "=HYPERLINK" })).toContainText("A spreadsheet formula, not its value");
  await expect(importPage.previewRows.filter({ hasText: "Müller, Jürgen" })).toContainText("A person's name only");
  await expect(page.getByText("\uFFFD")).toHaveCount(0);
  expect(await importPage.seriousAccessibilityViolations()).toEqual([]);
});

test("a deep link survives sign-in, and only a path on this site is followed", async ({ page }) => {
  await page.goto("/audit?outcome=refused");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Faudit%3Foutcome%3Drefused$/);
  const form = page.locator("form").filter({ has: page.locator('input[type="password"]') });
  await form.locator('input[name="email"]').fill(demoAccounts.viewer.email);
  await form.locator('input[type="password"]').fill(demoAccounts.viewer.password);
  await form.locator('button[type="submit"]').click();
  await expect(page).toHaveURL(/\/audit\?outcome=refused$/);

  // Signed in, a sign-in link to another site lands on the users page instead.
  await page.goto("/sign-in?callbackUrl=%2F%2Fevil.example%2Fusers");
  await expect(page).toHaveURL(/127\.0\.0\.1:\d+\/users$/);
});
