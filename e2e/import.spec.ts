import type { APIRequestContext, Page } from "@playwright/test";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { UserCounts, UserDto } from "@/lib/offboarding/user-dto";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";

/**
 * Importing a leavers list: the preview says what would happen to each line, then one job runs it.
 * The people come from this spec's own (e2e/support/people.ts); the run is undone at the end.
 */

async function counts(page: Page): Promise<UserCounts> {
  const response = await page.request.get("/api/users/counts");
  expect(response.ok()).toBe(true);
  return (await response.json()) as UserCounts;
}

async function protectedAdmin(page: Page, request: APIRequestContext): Promise<UserDto> {
  const info = (await (await request.get(`${emulatorUrl}/__emulator/info`)).json()) as { adminUserID: string };
  return (await (await page.request.get(`/api/users/${info.adminUserID}`)).json()) as UserDto;
}

/** Reactivates what a job deactivated, through the API, and waits for it: the tenant is shared. */
async function undo(page: Page, jobId: string): Promise<void> {
  const response = await page.request.post(`/api/jobs/${jobId}/undo`, { data: { reason: "Clean up after the import test" } });
  expect(response.status()).toBe(201);
  const { job } = (await response.json()) as JobDetailDto;
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${job.id}`)).json()) as JobDetailDto).job.status, { timeout: 20_000 })
    .toBe("completed");
}

test("import a CSV of 40 e-mails with 3 unknown, 2 already deactivated and 1 protected: preview, run 34, see them deactivated", async ({ importPage, jobPage, usersPage, page, request, people }) => {
  // The preview, the dialog and the server each read the 34 people's open work (issue 16's gate).
  test.slow();
  const active = people.active(34);
  const inactive = people.deactivated(2);
  const admin = await protectedAdmin(page, request);
  const before = await counts(page);
  const unknown = ["left-long-ago@example.invalid", "no.such.person@example.invalid", "typo@exmaple.invalid"];
  const emails = [...active.slice(0, 20).map((user) => user.email!), unknown[0]!, inactive[0]!.email!, admin.email!, unknown[1]!]
    .concat(active.slice(20).map((user) => user.email!), inactive[1]!.email!, unknown[2]!);
  expect(emails).toHaveLength(40);
  const csv = ["Name,E-mail,Last day", ...emails.map((email, index) => `"Leaver ${index}",${email},2024-06-30`)].join("\r\n");

  await importPage.goto();
  await importPage.upload("leavers.csv", csv);
  await expect(importPage.summary).toBeVisible();
  await expect(importPage.result("All lines")).toHaveText("All lines 40");
  await expect(importPage.result("Will be deactivated")).toHaveText("Will be deactivated 34");
  await expect(importPage.result("Already deactivated")).toHaveText("Already deactivated 2");
  await expect(importPage.result("Protected")).toHaveText("Protected 1");
  await expect(importPage.result("Not found")).toHaveText("Not found 3");
  // Nothing else: no ambiguous, duplicate, unreadable or blank lines.
  await expect(importPage.summary.getByRole("button")).toHaveCount(5);
  expect(await importPage.seriousAccessibilityViolations()).toEqual([]);

  await importPage.result("Protected").click();
  await expect(importPage.previewRows).toHaveCount(1);
  await expect(importPage.previewRows).toContainText(admin.email!);
  await expect(importPage.previewRows).toContainText(admin.protection!.reason);
  await importPage.result("Not found").click();
  await expect(importPage.previewRows).toHaveCount(3);

  await importPage.run.click();
  await expect(importPage.dialog.getByRole("heading", { name: "Deactivate 34 people?" })).toBeVisible();
  await expect(importPage.dialog.getByRole("list", { name: "Affected people" }).getByRole("listitem")).toHaveCount(34);
  await importPage.dialog.getByLabel("Reason").fill("HR leavers list, June");
  await importPage.dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
  const jobId = await jobPage.arrived();
  try {
    await jobPage.finished();
    await expect(jobPage.count("Deactivated")).toHaveText("34");
    await expect(jobPage.count("Failed")).toHaveText("0");

    // Exactly these 34 more are deactivated, and the Deactivated tab lists them. (Not "first when
    // sorted by date": the seeded history may be anchored at a later day than the emulator's clock.)
    expect(await counts(page)).toEqual({ active: before.active - 34, deactivated: before.deactivated + 34 });
    await usersPage.goto("?status=deactivated&pageSize=200");
    await expect(usersPage.tab("Deactivated")).toHaveText(new RegExp(`^Deactivated\\s*${before.deactivated + 34}$`));
    const shown = (await usersPage.emails()).map((email) => email.trim());
    expect(active.map((user) => user.email!).filter((email) => !shown.includes(email))).toEqual([]);
  } finally {
    await undo(page, jobId);
  }
});

test("a CSV whose header names no e-mail column asks which column to read", async ({ importPage, page, people }) => {
  const [someone] = people.active(1);
  await importPage.goto();
  await importPage.upload("odd.csv", `Who;Department\n${someone!.email};Sales\n\n`);
  const column = page.getByLabel("Column");
  await expect(page.getByText("Which column holds the people?")).toBeVisible();
  await column.selectOption({ label: "Who" });
  await page.getByRole("button", { name: "Check again with this column" }).click();
  await expect(importPage.summary).toBeVisible();
  await expect(importPage.previewRows.first()).toContainText(someone!.email!);
});

test("a pasted list is matched line by line, duplicates and junk included", async ({ importPage, people }) => {
  const [someone] = people.active(1);
  await importPage.goto();
  await importPage.paste.fill([someone!.email, "", someone!.email, "not an address at all"].join("\n"));
  await importPage.checkList.click();
  await expect(importPage.result("All lines")).toHaveText("All lines 4");
  await expect(importPage.result("Duplicate")).toHaveText("Duplicate 1");
  await expect(importPage.result("Blank")).toHaveText("Blank 1");
  await expect(importPage.previewRows).toHaveCount(4);
});
