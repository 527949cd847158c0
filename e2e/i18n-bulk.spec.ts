import type { Download, Page } from "@playwright/test";
import type { JobDetailDto } from "@/lib/jobs/dto";
import { ImportPage, germanImportWords } from "./pages/import-page";
import { JobPage, germanJobWords } from "./pages/job-page";
import { seriousAccessibilityViolations } from "./support/axe";
import { expect, test } from "./support/fixtures";

/**
 * The bulk flow for a reader whose browser asks for German (Playwright sends the locale as
 * Accept-Language): a pasted list on the import page, the job it runs, the jobs list, and the audit
 * log with its German CSV export. The app formats dates in APP_TIME_ZONE, UTC in these tests.
 * The people are this spec's own (e2e/support/people.ts); the job is undone at the end.
 */
test.use({ locale: "de-DE" });

const germanDateTime = (iso: string) =>
  new Intl.DateTimeFormat("de-DE", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" }).format(new Date(iso));

async function text(download: Download): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Reactivates what the job deactivated, through the API, and waits for it: the tenant is shared. */
async function undo(page: Page, jobId: string): Promise<void> {
  const response = await page.request.post(`/api/jobs/${jobId}/undo`, { data: { reason: "Aufräumen nach dem Test" } });
  expect(response.status()).toBe(201);
  const { job } = (await response.json()) as JobDetailDto;
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${job.id}`)).json()) as JobDetailDto).job.status, { timeout: 20_000 })
    .toBe("completed");
}

test("import a pasted list, run the job and read the audit log and its CSV, all in German", async ({ page, people: pool }) => {
  const people = pool.active(3);
  const emails = people.map((person) => person.email!);
  const importPage = new ImportPage(page, germanImportWords);
  const jobPage = new JobPage(page, germanJobWords);

  // The preview: German results, counts and plurals ("Zeile 1 von 1", "Zeilen 1–5 von 5").
  await importPage.goto();
  await expect(page).toHaveTitle("Austrittsliste importieren · wf-offboard");
  await importPage.paste.fill([emails[0], emails[1], emails[0], "niemand@example.invalid", emails[2]].join("\n"));
  await importPage.checkList.click();
  await expect(page.getByRole("heading", { name: "Vorschau der eingefügten Liste: Noch wurde nichts geändert" })).toBeVisible();
  await expect(importPage.result("Alle Zeilen")).toHaveText("Alle Zeilen 5");
  await expect(importPage.result("Wird deaktiviert")).toHaveText("Wird deaktiviert 3");
  await expect(importPage.result("Doppelt")).toHaveText("Doppelt 1");
  await expect(importPage.result("Nicht gefunden")).toHaveText("Nicht gefunden 1");
  await expect(importPage.summary.getByRole("button")).toHaveCount(4);
  for (const header of ["Zeile", "Wert", "Ergebnis", "Benutzer", "Details"]) {
    await expect(importPage.preview.getByRole("columnheader", { name: header, exact: true })).toBeVisible();
  }
  await expect(importPage.previewRows.nth(2)).toContainText(`${people[0]!.name} steht bereits in Zeile 1.`);
  await expect(importPage.previewRows.nth(3)).toContainText("Kein Workfront-Benutzer hat diese E-Mail-Adresse oder diesen Benutzernamen.");
  await expect(page.getByText("Zeilen 1–5 von 5", { exact: true })).toBeVisible();
  expect(await importPage.seriousAccessibilityViolations()).toEqual([]);
  await importPage.result("Nicht gefunden").click();
  await expect(importPage.previewRows).toHaveCount(1);
  await expect(page.getByText("Zeile 1 von 1", { exact: true })).toBeVisible();

  // The run, through the German confirm dialog.
  await expect(importPage.run).toHaveText("3 Benutzer deaktivieren …");
  await importPage.run.click();
  await expect(importPage.dialog.getByRole("heading", { name: "3 Benutzer deaktivieren?" })).toBeVisible();
  await importPage.dialog.getByLabel("Grund", { exact: true }).fill("Austrittsliste der Personalabteilung, Juni");
  await importPage.dialog.getByRole("button", { name: "Deaktivieren", exact: true }).click();
  const jobId = await jobPage.arrived();
  try {
    // The job page: German status, counts, plurals, dates and a relative time.
    await expect(page).toHaveTitle("Auftrag · wf-offboard");
    await expect(jobPage.heading).toHaveText("3 Benutzer deaktivieren");
    await jobPage.finished();
    await expect(page.getByText("Jeder Benutzer hat ein endgültiges Ergebnis.")).toBeVisible();
    await expect(jobPage.count("Deactivated")).toHaveText("3");
    await expect(jobPage.count("Already deactivated")).toHaveText("0");
    await expect(jobPage.count("Failed")).toHaveText("0");
    await expect(jobPage.count("Remaining")).toHaveText("0");
    await expect(page.getByText("3 von 3", { exact: true })).toBeVisible();
    await expect(page.getByText("Auftrag abgeschlossen: 3 deaktiviert.")).toBeVisible();
    await expect(page.getByText(/^Dauer: .+\.$/)).toBeVisible();
    await expect(jobPage.resultRows).toHaveCount(3);
    await expect(jobPage.resultRows.getByText("Deaktiviert", { exact: true })).toHaveCount(3);
    expect((await jobPage.names()).sort()).toEqual(people.map((person) => person.name).sort());
    await expect(page.getByText("1–3 von 3 Benutzern", { exact: true })).toBeVisible();

    const { job } = (await (await page.request.get(`/api/jobs/${jobId}`)).json()) as JobDetailDto;
    const created = page.getByRole("definition").filter({ has: page.locator(`time[datetime="${job.createdAt}"]`) });
    await expect(created).toHaveText(new RegExp(`^${germanDateTime(job.createdAt)} \\((jetzt|vor \\d+ (Sekunden?|Minuten?))\\)$`));
    // Axe reads a toast that is still fading in as low contrast: scan once it has gone.
    await expect(page.getByText("Auftrag abgeschlossen: 3 deaktiviert.")).toBeHidden({ timeout: 10_000 });
    expect(await jobPage.seriousAccessibilityViolations()).toEqual([]);

    // A tab with one person counts in the singular; an empty one says so.
    await jobPage.filter("Bereits deaktiviert").click();
    await expect(page.getByText("Niemand mit diesem Ergebnis.")).toBeVisible();
    await expect(page.getByText("Keine Benutzer", { exact: true })).toBeVisible();

    // The jobs list names the job the same way.
    await page.getByRole("navigation", { name: "Hauptmenü" }).getByRole("link", { name: "Aufträge" }).click();
    await expect(page.getByRole("heading", { name: "Aufträge", level: 1 })).toBeVisible();
    const jobs = page.getByRole("table", { name: "Massenaufträge" });
    await expect(jobs.getByRole("link", { name: "3 Benutzer deaktivieren" }).first()).toBeVisible();
    await expect(jobs.getByRole("row").filter({ hasText: "3 Benutzer deaktivieren" }).first()).toContainText("3 deaktiviert");
    const { total } = (await (await page.request.get("/api/jobs")).json()) as { total: number };
    const pager = page.getByRole("navigation", { name: "Seiten der Auftragsliste" });
    await expect(pager).toContainText(total === 1 ? "1 Auftrag" : `${total.toLocaleString("de-DE")} Aufträge`);

    // The audit log: German words for actions and outcomes, the time zone named. From the job's
    // start only, so that an earlier run's rows for the same person do not count.
    await page.goto(`/audit?${new URLSearchParams({ target: emails[0]!, from: job.createdAt })}`);
    await expect(page.getByRole("heading", { name: "Protokoll", level: 1 })).toBeVisible();
    const log = page.getByRole("table", { name: "Protokolleinträge" });
    await expect(log.getByRole("columnheader", { name: "Zeitpunkt (UTC)" })).toBeVisible();
    const row = log.getByRole("row").filter({ hasText: "Austrittsliste der Personalabteilung, Juni" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("Deaktivieren");
    await expect(row).toContainText("Erfolgreich");
    await expect(page.getByRole("navigation", { name: "Seiten des Protokolls" })).toContainText("Eintrag 1 von 1");
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // Its CSV: a byte-order mark, German column names, semicolons, machine-readable values.
    const download = page.waitForEvent("download");
    await page.getByRole("link", { name: "Als CSV exportieren" }).click();
    const bytes = await text(await download);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString("utf8").trim().split("\r\n");
    expect(lines).toHaveLength(2);
    const header = lines[0]!.split(";");
    expect(header.slice(0, 3)).toEqual(["ID", "Zeitpunkt UTC (ISO 8601)", "Abgeschlossen UTC (ISO 8601)"]);
    expect(header).toContain("Grund");
    expect(header).toContain("Ergebnis");
    const cells = lines[1]!.split(";");
    expect(cells[header.indexOf("Grund")]).toBe('"Austrittsliste der Personalabteilung, Juni"');
    // The outcome and action in German words, as the screen shows them (issue 14); times stay ISO 8601.
    expect(cells[header.indexOf("Ergebnis")]).toBe("Erfolgreich");
    expect(cells[header.indexOf("Aktion")]).toBe("Deaktivieren");
    expect(cells[header.indexOf("Zeitpunkt UTC (ISO 8601)")]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

    // The API picks the language by its parameter, whatever the reader's is.
    const english = await page.request.get(`/api/audit?${new URLSearchParams({ format: "csv", locale: "en", target: emails[0]!, from: job.createdAt })}`);
    expect(english.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect((await english.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toMatch(/^ID,Time UTC \(ISO 8601\),/);
  } finally {
    await undo(page, jobId);
  }
});
