import { expect, test } from "./support/fixtures";
import { seriousAccessibilityViolations } from "./support/axe";

/** The audit page: who did what to whom, when and why; filters in the URL; CSV export. */
test("the audit page shows a deactivation with its filters, exports it, and passes axe", async ({ usersPage }) => {
  const { page } = usersPage;
  const users = await (await page.request.get("/api/users?pageSize=25&sort=email&dir=desc")).json();
  type Row = { id: string; name: string; email: string; isAdmin: boolean; protection: unknown };
  const target = (users.users as Row[]).find((user) => !user.isAdmin && !user.protection)!;
  const reason = "=1+1 contract ended";
  expect((await page.request.post(`/api/users/${target.id}/deactivate`, { data: { reason, ticket: "HR-77" } })).status()).toBe(200);

  await page.goto("/audit");
  await page.getByLabel("User (name, e-mail or ID)").fill(target.email);
  await page.getByLabel("Action").selectOption("deactivate");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(new RegExp(`target=${encodeURIComponent(target.email).replace(/\./g, "\\.")}`));
  const row = page.getByRole("row").filter({ hasText: target.name });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("operator@demo.local");
  await expect(row).toContainText(reason);
  await expect(row).toContainText("HR-77");
  await expect(row).toContainText("Succeeded");
  expect(await seriousAccessibilityViolations(page)).toEqual([]);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  });
  const lines = csv.trim().split(/\r\n/);
  expect(lines).toHaveLength(2); // header and the one filtered row
  // A spreadsheet must not run the reason as a formula: the cell starts with an apostrophe.
  expect(lines[1]).toContain(",'=1+1 contract ended,");
  await page.request.post(`/api/users/${target.id}/reactivate`, { data: { reason: "Audit test done" } });
});
