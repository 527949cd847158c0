import { expect, test } from "./support/fixtures";
import { e2eApiKey, emulatorUrl } from "./support/servers";

/** Browsing the users list: loading, search, tabs, sorting, paging, and an accessibility scan. */

test("/ leads to the users list, which shows the first 25 active users by name", async ({ usersPage, page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/users$/);
  await usersPage.settled();
  await expect(page.getByRole("heading", { name: "Users", level: 1 })).toBeVisible();
  await expect(usersPage.rows).toHaveCount(25);
  await expect(usersPage.tab("Active")).toHaveAttribute("aria-selected", "true");
  await expect(usersPage.columnHeader("Name")).toHaveAttribute("aria-sort", "ascending");
  await expect(usersPage.rows.getByText("Deactivated", { exact: true })).toHaveCount(0);
  const active = await usersPage.tabCount("Active");
  await expect(usersPage.summary).toHaveText(`Showing 1–25 of ${active.toLocaleString("en")} users`);
  expect(await page.content()).not.toContain(e2eApiKey);
});

test("search narrows the list on name and e-mail, and the URL keeps it across a reload", async ({ usersPage, page }) => {
  await usersPage.goto();
  const allActive = await usersPage.tabCount("Active");
  const [, , email = ""] = await usersPage.emails();
  const term = email.split("@")[0]!.slice(0, 5);

  await usersPage.searchFor(term);
  const mismatches = usersPage.rows.filter({ hasNotText: new RegExp(term, "i") });
  await expect(mismatches).toHaveCount(0);
  await usersPage.settled();
  const matches = await usersPage.rows.count();
  expect(matches).toBeGreaterThan(0);
  await expect.poll(() => usersPage.tabCount("Active")).toBeLessThan(allActive);

  await page.reload();
  await usersPage.settled();
  await expect(usersPage.search).toHaveValue(term);
  await expect(usersPage.rows).toHaveCount(matches);
  await expect(mismatches).toHaveCount(0);

  await usersPage.searchFor("zz-no-such-person-zz");
  await expect(usersPage.table.getByText("No active users match “zz-no-such-person-zz”.")).toBeVisible();
});

test("the status tabs show counts and switch between active, deactivated and all users", async ({ usersPage, page }) => {
  await usersPage.goto();
  const active = await usersPage.tabCount("Active");
  const deactivated = await usersPage.tabCount("Deactivated");
  expect(await usersPage.tabCount("All")).toBe(active + deactivated);

  await usersPage.tab("Deactivated").click();
  await expect(usersPage.tab("Deactivated")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/status=deactivated/);
  await usersPage.settled();
  await expect(usersPage.summary).toContainText(`of ${deactivated.toLocaleString("en")}`);
  await expect(usersPage.rows.filter({ hasNotText: "Deactivated" })).toHaveCount(0);
  await expect(usersPage.columnHeader("Deactivated")).toBeVisible();

  // Arrow keys move along the tabs and select them, as the ARIA tabs pattern has it.
  await usersPage.tab("Deactivated").press("ArrowRight");
  await expect(usersPage.tab("All")).toBeFocused();
  await expect(usersPage.tab("All")).toHaveAttribute("aria-selected", "true");
  await usersPage.settled();
  await expect(usersPage.summary).toContainText(`of ${(active + deactivated).toLocaleString("en")}`);
  await expect(page).toHaveURL(/status=all/);
});

test("sorting by name goes both ways and says so with aria-sort", async ({ usersPage, page }) => {
  await usersPage.goto();
  const header = usersPage.columnHeader("Name");
  const ascending = await usersPage.names();

  await usersPage.sortButton("Name").click();
  await expect(header).toHaveAttribute("aria-sort", "descending");
  await expect(page).toHaveURL(/dir=desc/);
  await usersPage.settled();
  const descending = await usersPage.names();
  expect(descending[0]!.localeCompare(ascending[0]!, "en", { sensitivity: "base" })).toBeGreaterThan(0);
  expect(descending[0]!.localeCompare(descending.at(-1)!, "en", { sensitivity: "base" })).toBeGreaterThanOrEqual(0);

  await usersPage.sortButton("Name").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");
  await expect(page).not.toHaveURL(/dir=/);
  await usersPage.settled();
  expect(await usersPage.names()).toEqual(ascending);

  await usersPage.sortButton("Last login").click();
  await expect(usersPage.columnHeader("Last login")).toHaveAttribute("aria-sort", "ascending");
  await expect(header).not.toHaveAttribute("aria-sort");
  await expect(page).toHaveURL(/sort=lastLogin/);
});

test("50 rows per page, then the next page", async ({ usersPage, page }) => {
  await usersPage.goto();
  const active = await usersPage.tabCount("Active");
  const pages = Math.ceil(active / 50);

  await usersPage.pageSize.selectOption("50");
  await expect(page.getByText(`Page 1 of ${pages}`)).toBeVisible();
  await expect(page).toHaveURL(/pageSize=50/);
  await usersPage.settled();
  await expect(usersPage.rows).toHaveCount(50);
  const firstPage = await usersPage.emails();

  await usersPage.pageButton("next").click();
  await expect(page.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await expect(page).toHaveURL(/page=2/);
  await usersPage.settled();
  await expect(usersPage.summary).toHaveText(`Showing 51–${Math.min(100, active)} of ${active.toLocaleString("en")} users`);
  const secondPage = await usersPage.emails();
  expect(secondPage.filter((email) => firstPage.includes(email))).toEqual([]);

  await page.reload();
  await usersPage.settled();
  await expect(page.getByText(`Page 2 of ${pages}`)).toBeVisible();
  await expect(usersPage.pageSize).toHaveValue("50");
  expect(await usersPage.emails()).toEqual(secondPage);
});

test("an address with values the API refuses is rewritten to the view it shows", async ({ usersPage, page }) => {
  await page.goto("/users?pageSize=7&status=gone&sort=name&page=2");
  await expect(page).toHaveURL(/\/users\?page=2$/);
  await usersPage.settled();
  await expect(usersPage.pageSize).toHaveValue("25");
});

test("axe finds no serious or critical violation on the users page", async ({ usersPage }) => {
  await usersPage.goto();
  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);
  await usersPage.tab("Deactivated").click();
  await usersPage.settled();
  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);
});

test("with the credential refused the list still shows from the index, and Refresh says what to do", async ({ usersPage, page, request }) => {
  const freshness = page.getByTestId("index-freshness");
  // The index is read once at start; until then the list asks Workfront directly.
  await expect(async () => {
    await usersPage.goto();
    await expect(freshness).toContainText("Updated", { timeout: 1_000 });
  }).toPass();
  expect((await request.post(`${emulatorUrl}/__emulator/api-keys/revoke`)).ok()).toBe(true);
  // Filtered by text: Next.js keeps an empty route-announcer alert on every page.
  const refused = freshness.getByRole("alert").filter({ hasText: "Workfront refused the stored credential" });
  try {
    await page.reload();
    await usersPage.settled();
    await expect(usersPage.rows).toHaveCount(25);
    await freshness.getByRole("button", { name: "Refresh" }).click();
    await expect(refused).toBeVisible();
  } finally {
    expect((await request.post(`${emulatorUrl}/__emulator/api-keys/restore`)).ok()).toBe(true);
  }
  await freshness.getByRole("button", { name: "Refresh" }).click();
  await expect(refused).toBeHidden();
  await expect(freshness).toContainText("Updated");
});

test("with the index built, the first rows come with the page, not from a request after it", async ({ usersPage, page }) => {
  const freshness = page.getByTestId("index-freshness");
  // The index is read once at start; until then the browser asks for the rows itself.
  await expect(async () => {
    await usersPage.goto("?status=deactivated");
    await expect(freshness).toContainText("Updated", { timeout: 1_000 });
  }).toPass();
  const lists: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.pathname === "/api/users") lists.push(url.search);
  });
  await page.reload();
  await usersPage.settled();
  await expect(usersPage.rows.first()).toBeVisible();
  expect(lists).toEqual([]);
  // A view the reader moves to is asked for, as before.
  await usersPage.tab("All").click();
  await usersPage.settled();
  await expect.poll(() => lists.some((search) => search.includes("status=all"))).toBe(true);
});

test("a filter takes several values, ticked with the keyboard, and the list shows anyone with either", async ({ usersPage, page }) => {
  const freshness = page.getByTestId("index-freshness");
  await expect(async () => {
    await usersPage.goto();
    await expect(freshness).toContainText("Updated", { timeout: 1_000 });
  }).toPass();
  await page.getByRole("button", { name: "Filters" }).click();
  const levels = page.getByRole("group", { name: /^Access level/ }).getByRole("checkbox");
  await levels.nth(0).focus();
  await page.keyboard.press("Space");
  await expect(page).toHaveURL(/[?&]accessLevel=/);
  await usersPage.settled();
  const one = await usersPage.tabCount("Active");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect.poll(() => new URL(page.url()).searchParams.getAll("accessLevel").length).toBe(2);
  await expect(levels.nth(0)).toBeChecked();
  await expect(levels.nth(1)).toBeChecked();
  await usersPage.settled();
  await expect.poll(() => usersPage.tabCount("Active")).toBeGreaterThan(one);
  await expect(page.getByRole("group", { name: /^Access level/ })).toContainText("2 chosen");
});

test("a newer search cancels the request of an older one still in flight", async ({ usersPage, page }) => {
  await usersPage.goto();
  const aborted: string[] = [];
  page.on("requestfailed", (failed) => {
    const url = new URL(failed.url());
    if (url.pathname === "/api/users") aborted.push(url.searchParams.get("q") ?? "");
  });
  // Hold the answer to the first search, so it is still open when the second one starts.
  await page.route(/\/api\/users\?(.*&)?q=an(&|$)/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue().catch(() => undefined);
  });
  await usersPage.search.fill("an");
  await expect(page).toHaveURL(/[?&]q=an(&|$)/);
  await usersPage.search.fill("ann");
  await expect(page).toHaveURL(/[?&]q=ann(&|$)/);
  await expect.poll(() => aborted).toContain("an");
  await usersPage.settled();
  await expect(usersPage.rows.filter({ hasNotText: /ann/i })).toHaveCount(0);
});

test("the Users link clears the search, and the cleared search stays cleared", async ({ usersPage, page }) => {
  await usersPage.goto();
  await usersPage.searchFor("ann");
  // The page's timers on a clock the test can move: whatever the search debounce (300 ms) would do
  // after the link was followed, it has done once the clock has jumped 5 s, however slow the machine.
  await page.clock.install();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Users" }).click();
  await expect(page).toHaveURL(/\/users$/);
  await expect(usersPage.search).toHaveValue("");
  const before = await page.evaluate(() => Date.now());
  await page.clock.runFor(5_000);
  expect(await page.evaluate(() => Date.now()), "the page runs on the test's clock").toBeGreaterThanOrEqual(before + 5_000);
  // A stale "ann" did not come back.
  await expect(page).toHaveURL(/\/users$/);
  await expect(usersPage.search).toHaveValue("");
  await usersPage.settled();
  await expect(usersPage.rows).toHaveCount(25);
});

test("the header names the signed-in account and signs out", async ({ usersPage, page }) => {
  await usersPage.goto();
  const header = page.getByRole("banner");
  await expect(header).toContainText("operator@demo.local");
  await expect(header).toContainText("Operator");
  await expect(page.getByRole("link", { name: "Users" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in/);
  await page.goto("/users");
  await expect(page).toHaveURL(/\/sign-in/);
});
