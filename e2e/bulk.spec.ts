import { reservedSearch } from "./support/people";
import { expect, test } from "./support/fixtures";

/**
 * Choosing many people on the users page and running them as one job: selection across pages,
 * the tri-state select-all, hidden selected people, the one confirm dialog, and the job page.
 * The job runs on people of an e-mail domain no other spec touches (e2e/support/people.ts),
 * narrowed to by the page's own search; it is undone at the end.
 */
const ours = reservedSearch("bulk.spec.ts");

test("select 3 users on one page and 2 on another, confirm, watch the job finish, see five results", async ({ usersPage, jobPage, page }) => {
  await usersPage.goto(`?${new URLSearchParams({ q: ours })}`);
  await expect(usersPage.rows).toHaveCount(25);
  await expect(usersPage.rows.filter({ hasNotText: ours })).toHaveCount(0);
  const first = await usersPage.selectFirst(3);
  await expect(usersPage.selectionBar).toContainText("3 people selected");
  await expect(usersPage.selectPage).toHaveJSProperty("indeterminate", true);

  await usersPage.pageButton("next").click();
  // The URL first: until it changes, the table is still page 1 and not yet busy.
  await expect(page).toHaveURL(/[?&]page=2\b/);
  await usersPage.settled();
  await expect(usersPage.rows.filter({ hasNotText: ours })).toHaveCount(0);
  const second = await usersPage.selectFirst(2);
  await expect(usersPage.selectionBar).toContainText("5 people selected");

  // The selection survives paging back.
  await usersPage.pageButton("previous").click();
  await expect(page).not.toHaveURL(/[?&]page=2\b/);
  await usersPage.settled();
  for (let index = 0; index < 3; index++) await expect(usersPage.selectableBoxes.nth(index)).toBeChecked();

  const everyone = [...first, ...second];
  await usersPage.selectionBar.getByRole("button", { name: "Deactivate 5 selected…" }).click();
  const dialog = usersPage.dialog;
  await expect(dialog.getByRole("heading", { name: "Deactivate 5 people?" })).toBeVisible();
  const affected = dialog.getByRole("list", { name: "Affected people" });
  await expect(affected.getByRole("listitem")).toHaveCount(5);
  for (const name of everyone) await expect(affected).toContainText(name);
  await expect(dialog.getByText("Licences freed")).toBeVisible();
  await expect(usersPage.reason).toBeFocused();
  await usersPage.reason.fill("Team closed in the spring reorganisation");
  await usersPage.ticket.fill("HR-2024");

  await dialog.getByRole("button", { name: "Dry run" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Dry run: nothing was changed. 5 of 5 would be deactivated.");

  await usersPage.confirmButton("Deactivate").click();
  const jobId = await jobPage.arrived();
  await expect(jobPage.heading).toHaveText("Deactivate 5 people");
  await jobPage.finished();
  await expect(jobPage.count("Deactivated")).toHaveText("5");
  await expect(jobPage.count("Failed")).toHaveText("0");
  await expect(jobPage.count("Remaining")).toHaveText("0");
  await expect(jobPage.resultRows).toHaveCount(5);
  expect((await jobPage.names()).sort()).toEqual([...everyone].sort());
  await expect(jobPage.resultRows.getByText("Deactivated", { exact: true })).toHaveCount(5);
  await expect(page.getByText("Job finished: 5 deactivated.")).toBeVisible();

  // The job page survives a reload, and the Jobs list leads back to it.
  await page.reload();
  await expect(jobPage.resultRows).toHaveCount(5);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await page.getByRole("table", { name: "Bulk jobs" }).getByRole("link", { name: "Deactivate 5 people" }).first().click();
  await expect(page).toHaveURL(new RegExp(`/jobs/${jobId}$`));
  expect(await jobPage.seriousAccessibilityViolations()).toEqual([]);

  // Undo: reactivate the five, through the same dialog.
  await jobPage.action(/^Undo: reactivate 5/).click();
  await expect(jobPage.dialog.getByRole("heading", { name: "Reactivate 5 people?" })).toBeVisible();
  await jobPage.dialog.getByLabel("Reason").fill("Undo of the test wave");
  await jobPage.dialog.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(page).not.toHaveURL(new RegExp(`/jobs/${jobId}$`));
  await expect(jobPage.heading).toHaveText("Reactivate 5 people (undo)");
  await jobPage.finished();
  await expect(jobPage.count("Reactivated")).toHaveText("5");
});

test("the page checkbox is tri-state, and selected people hidden by a search are counted and can be dropped", async ({ usersPage }) => {
  await usersPage.goto();
  await expect(usersPage.selectionBar).toBeHidden();
  await usersPage.selectFirst(1);
  await expect(usersPage.selectPage).toHaveJSProperty("indeterminate", true);
  await expect(usersPage.selectPage).not.toBeChecked();

  await usersPage.selectPage.check();
  await expect(usersPage.selectPage).toHaveJSProperty("indeterminate", false);
  const selectable = await usersPage.selectableBoxes.count();
  await expect(usersPage.selectionBar).toContainText(`${selectable} people selected`);
  await expect(usersPage.selectionBar.getByRole("button", { name: /^Select all [\d,]+ matching this filter$/ })).toBeVisible();
  await usersPage.selectPage.uncheck();
  await expect(usersPage.selectionBar).toBeHidden();

  // Select one person, then search for someone else: the first is selected but not shown.
  await usersPage.selectableBoxes.first().check();
  const otherRow = usersPage.selectableBoxes.last().locator("xpath=ancestor::tr");
  const email = ((await otherRow.getByRole("cell").nth(1).textContent()) ?? "").trim();
  await usersPage.searchFor(email);
  await expect(usersPage.rows).toHaveCount(1);
  await expect(usersPage.selectionBar).toContainText("1 person selected");
  await expect(usersPage.selectionBar).toContainText("1 selected person is not shown by this search or tab.");
  await usersPage.selectableBoxes.first().check();
  await expect(usersPage.selectionBar).toContainText("2 people selected");
  await usersPage.selectionBar.getByRole("button", { name: "Unselect the 1 hidden person" }).click();
  await expect(usersPage.selectionBar).toContainText("1 person selected");
  await expect(usersPage.selectionBar).not.toContainText("not shown");
  await usersPage.selectionBar.getByRole("button", { name: "Clear selection" }).click();
  await expect(usersPage.selectionBar).toBeHidden();
});

test("select all matching a filter, then the dialog asks for the number of people above the threshold", async ({ usersPage }) => {
  await usersPage.goto("?pageSize=50");
  await usersPage.selectPage.check();
  const selectAll = usersPage.selectionBar.getByRole("button", { name: /^Select all [\d,]+ matching this filter$/ });
  const total = Number(((await selectAll.textContent()) ?? "").replace(/\D/g, ""));
  await selectAll.click();
  await expect(usersPage.selectionBar).toContainText(/All [\d,]+ matching people are selected/);
  const selected = Number(((await usersPage.selectionBar.getByRole("status").textContent()) ?? "").match(/^([\d,]+) people selected/)![1]!.replace(/,/g, ""));
  expect(selected).toBeGreaterThan(50);
  expect(selected).toBeLessThanOrEqual(total);

  await usersPage.selectionBar.getByRole("button", { name: /^Deactivate [\d,]+ selected…$/ }).click();
  const count = usersPage.dialog.getByLabel(/^Type the number of people/);
  await expect(count).toBeVisible();
  await usersPage.reason.fill("Checking the confirmation rules only");
  await count.fill("3");
  await usersPage.confirmButton("Deactivate").click();
  await expect(count).toBeFocused();
  await expect(count).toHaveAccessibleDescription(/Type [\d,]+, the number of people/);
  await expect(usersPage.dialog).toBeVisible();
  await usersPage.dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(usersPage.dialog).toBeHidden();
  await expect(usersPage.selectionBar).toContainText(`${selected.toLocaleString("en")} people selected`);
});

test.describe("as a viewer", () => {
  test.use({ role: "viewer" });

  test("there is nothing to select", async ({ usersPage }) => {
    await usersPage.goto();
    await expect(usersPage.table.getByRole("checkbox")).toHaveCount(0);
    await expect(usersPage.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Import a list" })).toHaveCount(0);
  });
});
