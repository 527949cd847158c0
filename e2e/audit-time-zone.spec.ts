import { spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { signIn } from "./support/fixtures";
import type { SeededAuditRow } from "./support/seed-audit";
import { extraAppPorts } from "./support/servers";

/**
 * The audit log outside UTC (issue 14, item 8), on an app of its own with APP_TIME_ZONE=Europe/Berlin
 * and rows written at chosen times around midnight and the change to summer time (29 March 2026,
 * 02:00 CET → 03:00 CEST): a day's filter takes Berlin's day (23 hours that day), and the table shows
 * Berlin's times. With whole UTC days, the filter would take the row of 00:30 on the 30th instead
 * of the one of 00:30 on the 29th.
 */
test.describe.configure({ timeout: 120_000 });

const url = `http://127.0.0.1:${extraAppPorts.berlin}`;
test.use({ baseURL: url });

const mark = `berlin-${randomUUID().slice(0, 8)}`;
const hex = (n: number) => n.toString(16).padStart(32, "0");
/** Name, UTC instant, and what Berlin calls it. */
const rows = [
  { name: "Anna Abend", at: "2026-03-28T22:30:00.000Z", berlin: "28 March, 23:30 CET" },
  { name: "Bernd Beginn", at: "2026-03-28T23:30:00.000Z", berlin: "29 March, 00:30 CET" },
  { name: "Clara Mitte", at: "2026-03-29T12:00:00.000Z", berlin: "29 March, 14:00 CEST" },
  { name: "Dora Dunkel", at: "2026-03-29T21:30:00.000Z", berlin: "29 March, 23:30 CEST" },
  { name: "Emil Ende", at: "2026-03-29T22:30:00.000Z", berlin: "30 March, 00:30 CEST" },
];

let emulator: RunningEmulator;
let app: RunningApp;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  emulator = await startExtraEmulator();
  const seeded: SeededAuditRow[] = rows.map((row, index) => ({ occurredAt: row.at, targetId: hex(0xbe000 + index), targetName: row.name, reason: `${mark} left` }));
  app = await startApp(
    "berlin",
    extraAppPorts.berlin,
    { APP_TIME_ZONE: "Europe/Berlin" },
    {
      prepare: (databaseDir) => {
        const result = spawnSync("npx", ["tsx", "--conditions=react-server", "e2e/support/seed-audit.ts", databaseDir, JSON.stringify(seeded)], {
          encoding: "utf8",
          env: { ...process.env, LOG_LEVEL: "silent" },
        });
        if (result.status !== 0) throw new Error(`seeding the audit log failed: ${result.stderr}`);
      },
    },
  );
});
test.afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

test("a day's filter is Berlin's day, across the change to summer time, and the table shows Berlin's times", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto(`/audit?reason=${mark}`);
  const table = page.getByRole("table", { name: "Audit log entries" });
  await expect(table.getByRole("columnheader", { name: "Time (Europe/Berlin)" })).toBeVisible();
  await expect(table.getByRole("row").filter({ hasText: mark })).toHaveCount(rows.length);

  // Shown in Berlin's time, as Intl writes it for that zone (the server's and the browser's agree).
  const shown = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "medium", timeZone: "Europe/Berlin" });
  for (const row of rows) {
    await expect(table.getByRole("row").filter({ hasText: row.name }).locator("time"), row.berlin).toHaveText(shown.format(new Date(row.at)));
  }

  // The filter's days, typed in the form (English: ISO dates, whatever the browser's locale): 29 March in Berlin, 23 hours long.
  const from = page.getByLabel("From", { exact: true });
  await expect(from).toHaveAttribute("placeholder", "YYYY-MM-DD");
  await from.fill("2026-03-29");
  await page.getByLabel("To", { exact: true }).fill("2026-03-29");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/from=2026-03-29/);
  const found = table.getByRole("row").filter({ hasText: mark });
  await expect(found).toHaveCount(3);
  await expect(found.filter({ hasText: "Bernd Beginn" })).toHaveCount(1);
  await expect(found.filter({ hasText: "Clara Mitte" })).toHaveCount(1);
  await expect(found.filter({ hasText: "Dora Dunkel" })).toHaveCount(1);

  // The export takes the same rows as the page (its times stay ISO 8601 in UTC, as its header says).
  const csv = await (await page.request.get(`/api/audit?format=csv&locale=en&reason=${mark}&from=2026-03-29&to=2026-03-29`)).text();
  const lines = csv.trim().split("\r\n").slice(1);
  expect(lines.map((line) => rows.find((row) => line.includes(row.name))?.name).sort()).toEqual(["Bernd Beginn", "Clara Mitte", "Dora Dunkel"]);
  expect(lines.some((line) => line.includes("2026-03-28T23:30:00.000Z"))).toBe(true);

  // The next day starts at Berlin's midnight: 00:30 CEST on the 30th is in it, 23:30 on the 29th is not.
  await page.goto(`/audit?reason=${mark}&from=2026-03-30&to=2026-03-30`);
  await expect(table.getByRole("row").filter({ hasText: mark })).toHaveCount(1);
  await expect(table.getByRole("row").filter({ hasText: "Emil Ende" })).toHaveCount(1);
});

test("in German, the date fields take and show German dates (29.03.2026), not the browser's format", async ({ page }) => {
  await page.context().addCookies([{ name: "wf-locale", value: "de", url }]);
  await signIn(page, "viewer");
  await page.goto(`/audit?reason=${mark}&from=2026-03-29&to=2026-03-29`);
  const from = page.getByLabel("Von", { exact: true });
  const to = page.getByLabel("Bis", { exact: true });
  await expect(from).toHaveValue("29.03.2026");
  await expect(from).toHaveAttribute("placeholder", "TT.MM.JJJJ");
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: mark })).toHaveCount(3);

  // Not a day: said when the field is left, in German, and tied to the field.
  await from.fill("31.02.2026");
  await expect(from).not.toHaveAttribute("aria-invalid", "true");
  await from.press("Tab");
  await expect(from).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "Kein Datum: bitte als TT.MM.JJJJ eingeben" })).toBeVisible();

  await from.fill("30.03.2026");
  await to.fill("30.03.2026");
  await expect(from).not.toHaveAttribute("aria-invalid", "true");
  await page.getByRole("button", { name: "Anwenden" }).click();
  await expect(page).toHaveURL(/from=30\.03\.2026/);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: mark })).toHaveCount(1);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Emil Ende" })).toHaveCount(1);
  await expect(page.getByLabel("Von", { exact: true })).toHaveValue("30.03.2026");
  await expect(page.getByRole("button", { name: "Datum auswählen" })).toHaveCount(2);
});

test("in German, the users page's 'created before' takes a German date and filters by its ISO day", async ({ page }) => {
  await page.context().addCookies([{ name: "wf-locale", value: "de", url }]);
  await signIn(page, "viewer");
  await page.getByRole("button", { name: /^Filter/ }).click();
  const created = page.getByLabel("Erstellt vor", { exact: true });
  await expect(created).toHaveAttribute("placeholder", "TT.MM.JJJJ");
  await created.fill("01.02.2030");
  await expect(page).toHaveURL(/[?&]createdBefore=2030-02-01\b/);
  await expect(created).toHaveValue("01.02.2030");
});

