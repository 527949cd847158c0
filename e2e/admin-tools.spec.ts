import { randomBytes } from "node:crypto";
import { readFile } from "node:fs/promises";
import { type APIRequestContext, type Download, type Page } from "@playwright/test";
import type { UserDto, UserListPage } from "@/lib/offboarding/user-dto";
import { expect, test } from "./support/fixtures";
import { seriousAccessibilityViolations } from "./support/axe";
import { reservedSearch } from "./support/people";

/**
 * The admin's everyday tools (issue 15): filters, "select all matching" and the CSV export on the
 * users page, the licences page, a job's results for HR, the protected list and accounts in
 * Settings. People are those of an e-mail domain no other spec touches (e2e/support/people.ts);
 * what a test changes it puts back.
 */
const ours = reservedSearch("admin-tools.spec.ts");

async function listed(request: APIRequestContext, params: Record<string, string>): Promise<UserListPage> {
  const response = await request.get(`/api/users?${new URLSearchParams({ pageSize: "200", ...params })}`);
  expect(response.status(), await response.text()).toBe(200);
  return (await response.json()) as UserListPage;
}

async function downloaded(download: Download): Promise<string> {
  return readFile((await download.path())!, "utf8");
}

async function licencesInUse(page: Page, code: string): Promise<number> {
  await page.goto("/licences");
  const cell = page.locator(`#licences-by-type tr[data-licence="${code}"] [data-testid="active"]`);
  return Number(((await cell.textContent()) ?? "").replace(/\D/g, ""));
}

const selectable = (user: UserDto) => user.isActive && !user.isAdmin && !user.protection;

test("filter by licence and last login over 90 days, select all matching, export, deactivate; licences drop by what the job freed; HR downloads its results", async ({ usersPage, jobPage, page }) => {
  test.setTimeout(120_000);
  const facets = (await (await page.request.get("/api/users/facets")).json()) as { license: { value: string; label: string; count: number }[] };
  // The licence that gives our domain the most people a job may deactivate (at least two).
  const choices = await Promise.all(
    facets.license.map(async (licence) => ({
      licence,
      users: (await listed(page.request, { q: ours, license: licence.value, lastLoginOlderThan: "90" })).users,
    })),
  );
  const chosen = choices.filter((choice) => choice.users.length >= 2 && choice.users.every(selectable)).sort((a, b) => b.users.length - a.users.length)[0];
  expect(chosen, "a licence type with two or more of our people last seen over 90 days ago").toBeDefined();
  const { licence, users: leavers } = chosen!;
  const everyoneFiltered = await listed(page.request, { license: licence.value, lastLoginOlderThan: "90", pageSize: "25" });
  const before = await licencesInUse(page, licence.value);

  // The filters, through the panel, land in the URL. (A first load may take a while on a busy machine.)
  await page.goto("/users");
  await expect(usersPage.table).toHaveAttribute("aria-busy", "false", { timeout: 30_000 });
  await page.getByRole("button", { name: /^Filters/ }).click();
  const filters = page.getByRole("region", { name: "Filters" });
  // The URL is the state: the box shows ticked once the address bar says so (a render later).
  const box = filters.getByRole("checkbox", { name: new RegExp(`^${licence.label} \\(`) });
  await box.click();
  await expect(box).toBeChecked();
  await filters.getByLabel("Older than (days), or never").fill("90");
  await expect(page).toHaveURL(new RegExp(`[?&]license=${licence.value}\\b`));
  await expect(page).toHaveURL(/[?&]lastLoginOlderThan=90\b/);
  await usersPage.settled();
  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);

  // "Select all matching" takes the filters: everyone they match in the tenant, not everyone.
  await usersPage.selectPage.check();
  await usersPage.selectionBar.getByRole("button", { name: `Select all ${everyoneFiltered.total.toLocaleString("en")} matching this filter` }).click();
  await expect(usersPage.selectionBar).toContainText(/matching people are selected|left out/);
  await expect(usersPage.selectionBar).toContainText(/people selected/);
  await usersPage.selectionBar.getByRole("button", { name: "Clear selection" }).click();

  // Narrowed to our domain, the filters keep: exactly our leavers.
  await usersPage.searchFor(ours);
  await expect(page).toHaveURL(/[?&]lastLoginOlderThan=90\b/);
  await expect(usersPage.rows).toHaveCount(leavers.length);
  expect((await usersPage.names()).sort()).toEqual(leavers.map((user) => user.name).sort());

  // The export holds what the filters match, in the spreadsheet conventions.
  const exported = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const csv = await downloaded(await exported);
  expect(csv.startsWith("\uFEFFUser ID,Name,E-mail,")).toBe(true);
  const lines = csv.trim().split("\r\n");
  expect(lines).toHaveLength(leavers.length + 1);
  for (const user of leavers) expect(csv).toContain(user.email!);

  // Deactivate them as one job; the dialog counts the licences the job will free.
  await usersPage.selectPage.check();
  await usersPage.selectionBar.getByRole("button", { name: `Deactivate ${leavers.length} selected…` }).click();
  await expect(usersPage.dialog.getByText(`${licence.label}: ${leavers.length}`)).toBeVisible();
  await usersPage.reason.fill("Inactive for over 90 days");
  await usersPage.ticket.fill("HR-90");
  await usersPage.confirmButton("Deactivate").click();
  const jobId = await jobPage.arrived();
  await jobPage.finished();
  await expect(jobPage.count("Deactivated")).toHaveText(String(leavers.length));

  // HR's copy of the results.
  const results = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download results (CSV)" }).click();
  const report = (await downloaded(await results)).trim().split("\r\n");
  expect(report).toHaveLength(leavers.length + 1);
  expect(report.slice(1).every((line) => line.includes(",succeeded,") && line.includes(`,${licence.value},${licence.label},`) && line.includes("HR-90"))).toBe(true);

  // The licences page: fewer in use by exactly what the job freed, and the job says so.
  expect(await licencesInUse(page, licence.value)).toBe(before - leavers.length);
  await expect(page.locator(`#licences-freed tr[data-job="${jobId}"] [data-testid="freed"]`)).toHaveText(`${licence.label}: ${leavers.length}`);
  expect(await usersPage.seriousAccessibilityViolations()).toEqual([]);

  // The audit log, filtered by the job, links each row back to it.
  await page.goto(`/audit?job=${jobId}`);
  await expect(page.getByRole("link", { name: `Open job ${jobId}` })).toHaveCount(leavers.length);

  // Put them back.
  await page.goto(`/jobs/${jobId}`);
  await jobPage.action(/^Undo: reactivate/).click();
  await jobPage.dialog.getByLabel("Reason").fill("Undo of the test wave");
  await jobPage.dialog.getByRole("button", { name: "Reactivate", exact: true }).click();
  await expect(page).not.toHaveURL(new RegExp(`/jobs/${jobId}$`));
  await jobPage.finished();
  await expect(jobPage.count("Reactivated")).toHaveText(String(leavers.length));
});

test.describe("as an admin", () => {
  test.use({ role: "admin" });

  test("an admin protects a person in Settings, and a bulk job refuses them", async ({ usersPage: _signedIn, page }) => {
    const [person] = (await listed(page.request, { q: ours })).users.filter(selectable).slice(-1);
    expect(person).toBeDefined();
    // An entry that names nobody is refused, and nothing is written.
    const nobody = await page.request.post("/api/admin/protected", { data: { person: `nobody-${randomBytes(3).toString("hex")}${ours}`, reason: "No such person" } });
    expect(nobody.status()).toBe(422);
    expect((await nobody.json()).error.code).toBe("person_not_found");

    await page.goto("/settings");
    const card = page.getByRole("region", { name: "Protected people" });
    await card.getByLabel("Workfront ID or e-mail").fill(person!.email!);
    await card.getByLabel("Reason").fill("Board member on leave");
    await card.getByRole("button", { name: "Protect" }).click();
    await expect(card.getByRole("status")).toHaveText(`${person!.name} is protected.`);
    await expect(card.getByRole("row", { name: new RegExp(person!.name) })).toContainText("Board member on leave");
    await expect(page.getByRole("table", { name: "Recent admin changes" }).getByRole("row").nth(1)).toContainText("Protected");

    const created = await page.request.post("/api/jobs", { data: { kind: "deactivate", userIds: [person!.id], reason: "Should be refused" } });
    expect(created.status(), await created.text()).toBe(201);
    const { job } = (await created.json()) as { job: { id: string } };
    await expect
      .poll(async () => ((await (await page.request.get(`/api/jobs/${job.id}`)).json()) as { job: { status: string } }).job.status, { timeout: 30_000 })
      .toBe("completed");
    const detail = (await (await page.request.get(`/api/jobs/${job.id}`)).json()) as { items: { rows: { state: string; errorCode: string }[] } };
    expect(detail.items.rows).toEqual([expect.objectContaining({ state: "refused", errorCode: "configured" })]);
    // A single action without the admin's override is refused too.
    const single = await page.request.post(`/api/users/${person!.id}/deactivate`, { data: { reason: "Should be refused" } });
    expect(single.status()).toBe(409);

    // Removed with a reason; the person may be deactivated again.
    await page.goto("/settings");
    await card.getByRole("button", { name: `Remove ${person!.name}` }).click();
    await card.getByLabel(`Why ${person!.name} is no longer protected`).fill("Back from leave");
    await card.getByRole("button", { name: "Remove", exact: true }).click();
    await expect(card.getByRole("row", { name: new RegExp(person!.name) })).toHaveCount(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  });

  test("an admin invites an operator, then disables them, and the operator's session ends", async ({ usersPage: _signedIn, page, browser }) => {
    const email = `op-${randomBytes(4).toString("hex")}@demo.local`;
    await page.goto("/settings");
    const accounts = page.getByRole("region", { name: "Dashboard accounts" });
    await accounts.getByLabel("E-mail", { exact: true }).fill(email);
    await accounts.getByLabel("Role", { exact: true }).selectOption("operator");
    await accounts.getByRole("button", { name: "Invite" }).click();
    const shown = await accounts.getByTestId("invited-password").textContent();
    const password = /: (\S+)$/.exec(shown ?? "")?.[1];
    expect(password).toBeDefined();

    const theirs = await browser.newContext();
    const operator = await theirs.newPage();
    await operator.goto("/sign-in");
    await operator.locator('input[name="email"]').fill(email);
    await operator.locator('input[type="password"]').fill(password!);
    await operator.locator('button[type="submit"]').click();
    await expect(operator).toHaveURL(/\/users/);
    expect((await operator.request.get("/api/users?pageSize=25")).status()).toBe(200);

    await page.reload();
    await accounts.getByRole("button", { name: `Disable ${email}` }).click();
    await expect(accounts.getByRole("row", { name: new RegExp(email) })).toContainText("Disabled");
    expect((await operator.request.get("/api/users?pageSize=25")).status()).toBe(401);
    await operator.reload();
    await expect(operator).toHaveURL(/\/sign-in/);
    await expect(page.getByRole("table", { name: "Recent admin changes" }).getByRole("row").nth(1)).toContainText("Disabled");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await theirs.close();
  });
});

test("bad filters, columns and exports get a clear 4xx; chosen columns are remembered", async ({ usersPage, page }) => {
  for (const query of ["license=NO_SUCH_LICENCE", "lastLoginOlderThan=soon", "createdBefore=2024-13-40", "group=not-an-id", "colour=blue"]) {
    const response = await page.request.get(`/api/users?${query}`);
    expect(response.status(), query).toBe(400);
    expect((await response.json()).error.code).toBe("invalid_request");
    expect((await page.request.get(`/api/users/export?${query}`)).status(), query).toBe(400);
  }
  expect((await page.request.put("/api/preferences/users-columns", { data: { columns: ["password"] } })).status()).toBe(400);
  expect((await page.request.post("/api/admin/protected", { data: { person: "x@y.example", reason: "Operators may not" } })).status()).toBe(403);

  // An export over the cap is a message on the page, not a download the browser calls failed.
  await usersPage.goto();
  let downloads = 0;
  page.on("download", () => (downloads += 1));
  await page.route("**/api/users/export?**", (route) =>
    route.fulfill({ status: 422, json: { error: { code: "export_too_large", message: "120000 people match; an export holds at most 100000. Narrow the filters." } } }),
  );
  await page.getByRole("button", { name: "Export CSV" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "More people match than one export holds" })).toContainText("120000 people match");
  await expect(page.getByRole("button", { name: "Export CSV" })).toBeEnabled();
  expect(downloads).toBe(0);
  await page.unroute("**/api/users/export?**");

  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("group", { name: "Columns to show" }).getByRole("checkbox", { name: "Company" }).check();
  await expect(usersPage.columnHeader("Company")).toBeVisible();
  await expect.poll(async () => {
    await page.reload();
    return usersPage.columnHeader("Company").count();
  }).toBe(1);
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("group", { name: "Columns to show" }).getByRole("checkbox", { name: "Company" }).uncheck();
  await expect(usersPage.columnHeader("Company")).toHaveCount(0);
});

