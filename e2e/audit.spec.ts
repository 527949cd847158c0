import { randomUUID } from "node:crypto";
import { expect, test } from "./support/fixtures";
import { seriousAccessibilityViolations } from "./support/axe";

/**
 * The audit page: who did what to whom, when and why; filters in the URL; CSV export. The person
 * is this spec's own (e2e/support/people.ts); the reason carries a mark of this run, so a row left
 * by an earlier run against the same servers is told apart.
 */
test("the audit page shows a deactivation with its filters, exports it, and passes axe", async ({ usersPage, people }) => {
  const { page } = usersPage;
  const target = people.active(1)[0]!;
  const reason = `=1+1 contract ended ${randomUUID().slice(0, 8)}`;
  expect((await page.request.post(`/api/users/${target.id}/deactivate`, { data: { reason, ticket: "HR-77" } })).status()).toBe(200);
  try {
    await page.goto("/audit");
    await page.getByLabel("User (name, e-mail or ID)").fill(target.email!);
    await page.getByLabel("Action").selectOption("deactivate");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(new RegExp(`target=${encodeURIComponent(target.email!).replace(/\./g, "\\.")}`));
    const rows = page.getByRole("table").getByRole("row").filter({ hasText: target.name });
    const row = rows.filter({ hasText: reason });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("operator@demo.local");
    await expect(row).toContainText("HR-77");
    await expect(row).toContainText("Succeeded");
    // Newest first: this run's row leads.
    await expect(rows.first()).toContainText(reason);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    const shown = await rows.count();
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const csv = await (await download).createReadStream().then(async (stream) => {
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString("utf8");
    });
    const lines = csv.trim().split(/\r\n/);
    // The header and the rows the filtered page shows.
    expect(lines).toHaveLength(1 + shown);
    // A spreadsheet must not run the reason as a formula: the cell starts with an apostrophe.
    expect(lines.filter((line) => line.includes(`,'${reason},`))).toHaveLength(1);
  } finally {
    await page.request.post(`/api/users/${target.id}/reactivate`, { data: { reason: "Audit test done" } });
  }
});
