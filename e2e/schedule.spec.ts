import type { Page } from "@playwright/test";
import type { AuditEventDto } from "@/lib/audit/dto";
import type { ScheduleDto, ScheduleListDto } from "@/lib/schedule/dto";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";
import { ImportPage, germanImportWords } from "./pages/import-page";
import { apiSignIn } from "./support/api-session";
import { demoAccounts } from "./support/fixtures";
import { appUrl } from "./support/servers";
import { seriousAccessibilityViolations } from "./support/axe";

/**
 * Scheduled deactivations (issue 17): a schedule made in the confirm dialog is edited and
 * cancelled, each change audited; a bulk selection lands on the Scheduled view; the schedule API's
 * refusals. A person scheduled 20 s ahead and deactivated by the app's own runner, with the proof,
 * the e-mail and the webhook call, is in notifications.spec.ts, whose app has an SMTP server and a
 * webhook receiver.
 */
async function auditOf(page: Page, targetId: string): Promise<AuditEventDto[]> {
  const response = await page.request.get(`/api/audit?target=${targetId}&pageSize=100`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { rows: AuditEventDto[] }).rows;
}

async function schedulesOf(page: Page, targetId: string): Promise<ScheduleDto[]> {
  const response = await page.request.get(`/api/schedules?state=all&userId=${targetId}`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as ScheduleListDto).schedules;
}

async function isActiveInWorkfront(page: Page, id: string): Promise<boolean> {
  return ((await (await page.request.get(`${emulatorUrl}/__emulator/users/${id}`)).json()) as { isActive: boolean }).isActive;
}

test("scheduled in the confirm dialog for a later day, then edited and cancelled: each change audited, nobody deactivated", async ({ usersPage, people }) => {
  const { page } = usersPage;
  const person = people.active(2)[1]!;
  // Leftovers of an earlier run against the same servers: cancel them first.
  for (const old of await schedulesOf(page, person.id)) {
    if (old.actions.cancel) await page.request.post(`/api/schedules/${old.id}/cancel`, { data: {} });
  }
  await page.goto(`/users/${person.id}`);
  await page.getByRole("button", { name: "Deactivate" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("On a date").check();
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel("Date", { exact: true }).fill(tomorrow);
  await dialog.getByLabel("Reason").fill("Contract ends tomorrow");
  await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("person-schedule")).toBeVisible();

  const [made] = await schedulesOf(page, person.id).then((rows) => rows.filter((row) => row.state === "scheduled"));
  expect(made).toBeDefined();
  // No time given: the end of that day in the organisation's zone (UTC in the tests' app).
  expect(made!.dueAt).toBe(`${tomorrow}T23:59:59.999Z`);

  await page.goto("/scheduled");
  const row = page.locator(`tr[data-schedule-id="${made!.id}"]`);
  await expect(row).toContainText("Contract ends tomorrow");
  await row.getByRole("button", { name: /^Edit/ }).click();
  const edit = page.getByRole("dialog");
  await edit.getByLabel("Time (optional)").fill("18:30");
  await edit.getByLabel("If blocking open work remains at that time").selectOption("hold");
  await edit.getByRole("button", { name: "Save" }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText("Hold and tell HR");

  await row.getByRole("button", { name: /^Cancel schedule/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Cancel schedule" }).click();
  await expect(row).toBeHidden();

  const [after] = (await schedulesOf(page, person.id)).filter((row) => row.id === made!.id);
  expect(after).toMatchObject({ state: "cancelled", dueAt: `${tomorrow}T18:30:00.000Z`, policy: "hold" });
  const events = (await auditOf(page, person.id)).filter((event) => event.scheduleId === made!.id);
  // Newest first.
  expect(events.map((event) => event.action)).toEqual(["schedule_cancelled", "schedule_edited", "schedule_created"]);
  expect(events[1]!.detail).toMatchObject({ before: { dueAt: `${tomorrow}T23:59:59.999Z`, policy: "deactivate_anyway" } });
  expect(await isActiveInWorkfront(page, person.id)).toBe(true);
});

test("a bulk selection scheduled for a later day: both people on the Scheduled view, which passes axe", async ({ usersPage, people }) => {
  const { page } = usersPage;
  const [first, second] = people.active(8).slice(6);
  for (const person of [first!, second!]) {
    for (const old of await schedulesOf(page, person.id)) {
      if (old.actions.cancel) await page.request.post(`/api/schedules/${old.id}/cancel`, { data: {} });
    }
  }
  await usersPage.goto();
  // The selection is kept across searches.
  await usersPage.searchFor(first!.email!);
  await usersPage.checkbox(first!.name).check();
  await usersPage.searchFor(second!.email!);
  await usersPage.checkbox(second!.name).check();
  await expect(usersPage.selectionBar).toContainText("2 people selected");
  await usersPage.selectionBar.getByRole("button", { name: "Deactivate 2 selected…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("On a date").check();
  const day = new Date(Date.now() + 5 * 86_400_000).toISOString().slice(0, 10);
  await dialog.getByLabel("Date", { exact: true }).fill(day);
  await dialog.getByLabel("Reason").fill("Team leaves together");
  await dialog.getByRole("button", { name: "Schedule", exact: true }).click();
  await expect(page).toHaveURL(/\/scheduled/);
  try {
    for (const person of [first!, second!]) {
      const open = (await schedulesOf(page, person.id)).filter((row) => row.state === "scheduled");
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ dueAt: `${day}T23:59:59.999Z`, reason: "Team leaves together", policy: "deactivate_anyway" });
      await expect(page.locator(`tr[data-schedule-id="${open[0]!.id}"]`)).toContainText(person.name);
    }
    // Axe on the page itself, after the success toast (whose contrast is the toaster's, not this page's).
    await page.reload();
    await expect(page.locator("tr[data-schedule-id]").filter({ hasText: first!.name })).toBeVisible();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
  } finally {
    for (const person of [first!, second!]) {
      for (const open of await schedulesOf(page, person.id)) {
        if (open.actions.cancel) await page.request.post(`/api/schedules/${open.id}/cancel`, { data: {} });
      }
    }
  }
});

test("the schedule API: 401 before anything, 403 for a viewer (who may list), bad input a 4xx with nothing written or asked of Workfront", async ({ usersPage, people, playwright }) => {
  const { page } = usersPage;
  // Nobody else in this spec uses the sixth: the second to the fifth have schedules of other tests (the first is unused).
  const person = people.active(6)[5];
  const stats = async () => ((await (await page.request.get(`${emulatorUrl}/__emulator/stats`)).json()) as { total: number }).total;
  const auditTotal = async () => ((await (await page.request.get("/api/audit?pageSize=25")).json()) as { total: number }).total;
  const [requestsBefore, auditBefore] = [await stats(), await auditTotal()];

  const stranger = await playwright.request.newContext({ baseURL: appUrl });
  expect((await stranger.post("/api/schedules", { data: "{not json" })).status()).toBe(401);
  expect((await stranger.get("/api/schedules")).status()).toBe(401);
  expect((await stranger.patch("/api/schedules/00000000-0000-4000-8000-000000000000", { data: {} })).status()).toBe(401);

  const viewer = await playwright.request.newContext({ baseURL: appUrl });
  expect(await apiSignIn(viewer, demoAccounts.viewer.email, demoAccounts.viewer.password)).toBeNull();
  expect((await viewer.get("/api/schedules")).status()).toBe(200);
  const refused = await viewer.post("/api/schedules", { data: { people: [{ userId: person!.id }], when: { day: "2099-12-31" }, reason: "Viewer tries" } });
  expect(refused.status()).toBe(403);

  const bad = [
    { people: [], when: { day: "2099-12-31" }, reason: "Nobody" },
    { people: [{ userId: "abc" }], when: { day: "2099-12-31" }, reason: "Bad ID" },
    { people: [{ userId: person!.id }], when: { day: "2099-02-30" }, reason: "No such day" },
    { people: [{ userId: person!.id }], when: { day: "2099-12-31", time: "25:00" }, reason: "No such time" },
    { people: [{ userId: person!.id }], reason: "No time at all" },
    { people: [{ userId: person!.id }], when: { day: "2099-12-31" }, policy: "maybe", reason: "Unknown policy" },
    { people: [{ userId: person!.id }], when: { day: "2099-12-31" }, reason: "x" },
  ];
  for (const data of bad) expect((await page.request.post("/api/schedules", { data })).status(), JSON.stringify(data)).toBe(400);
  const past = await page.request.post("/api/schedules", { data: { people: [{ userId: person!.id }], when: { day: "2020-01-01" }, reason: "Long gone" } });
  expect(past.status()).toBe(422);
  expect(((await past.json()) as { error: { code: string } }).error.code).toBe("due_in_past");
  expect((await page.request.patch("/api/schedules/00000000-0000-4000-8000-000000000000", { data: { reason: "Nothing here" } })).status()).toBe(404);
  expect((await page.request.post("/api/schedules/not-a-uuid/cancel", { data: {} })).status()).toBe(400);

  expect(await stats()).toBe(requestsBefore);
  expect(await auditTotal()).toBe(auditBefore);
  expect(await schedulesOf(page, person!.id)).toEqual([]);
  await Promise.all([stranger.dispose(), viewer.dispose()]);
});

test.describe("in German", () => {
  test.use({ locale: "de-DE" });

  test("a German CSV with E-Mail;Letzter Arbeitstag schedules each person at the end of their day; a past day is offered as deactivate now", async ({ usersPage, people }) => {
    const { page } = usersPage;
    const [soon, later, gone] = people.active(5).slice(2);
    for (const person of [soon!, later!, gone!]) {
      for (const old of await schedulesOf(page, person.id)) {
        if (old.actions.cancel) await page.request.post(`/api/schedules/${old.id}/cancel`, { data: {} });
      }
    }
    const german = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
    const day = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
    const rows: [string, string][] = [
      [soon!.email!, day(10)],
      [later!.email!, day(40)],
      [gone!.email!, "2026-01-01"],
    ];
    const csv = ["E-Mail;Letzter Arbeitstag", ...rows.map(([email, iso]) => `${email};${german(iso)}`)].join("\r\n");

    const importPage = new ImportPage(page, germanImportWords);
    await importPage.goto();
    await importPage.upload("austritte.csv", csv);
    await expect(importPage.summary).toBeVisible();
    await expect(importPage.preview.getByRole("columnheader", { name: "Letzter Arbeitstag" })).toBeVisible();
    await expect(importPage.previewRows.filter({ hasText: soon!.email! })).toContainText("geplant für das Ende dieses Tages");
    await expect(importPage.previewRows.filter({ hasText: gone!.email! })).toContainText("vorbei, wird jetzt deaktiviert");
    // The past day is the ordinary run ("deactivate now"), for one person; the others are scheduled.
    await expect(page.getByRole("button", { name: /^1 Benutzer deaktivieren/ })).toBeVisible();
    await page.getByRole("button", { name: "2 Personen am letzten Arbeitstag planen" }).click();
    await expect(importPage.dialog.getByRole("heading", { name: "Deaktivierung von 2 Personen am letzten Arbeitstag planen?" })).toBeVisible();
    await importPage.dialog.getByLabel("Grund").fill("Austritt laut HR-Liste");
    await importPage.dialog.getByRole("button", { name: "Planen", exact: true }).click();
    await expect(page).toHaveURL(/\/scheduled/);
    await expect(page.getByRole("heading", { name: "Geplante Deaktivierungen" })).toBeVisible();

    const zone = ((await (await page.request.get("/api/schedules")).json()) as ScheduleListDto).timeZone;
    expect(zone).toBe("UTC");
    try {
      for (const [person, iso] of [[soon!, rows[0]![1]], [later!, rows[1]![1]]] as const) {
        const open = (await schedulesOf(page, person.id)).filter((row) => row.state === "scheduled");
        expect(open).toHaveLength(1);
        // The end of that day in the organisation's zone (UTC in the tests' app; Berlin's DST days: lib/schedule/due-time.test.ts).
        expect(open[0]).toMatchObject({ dueAt: `${iso}T23:59:59.999Z`, reason: "Austritt laut HR-Liste", sourceName: "austritte.csv" });
        await expect(page.locator(`tr[data-schedule-id="${open[0]!.id}"]`)).toContainText("Geplant");
      }
      expect(await schedulesOf(page, gone!.id)).toEqual([]);
      expect(await isActiveInWorkfront(page, gone!.id)).toBe(true);
    } finally {
      for (const person of [soon!, later!]) {
        for (const open of await schedulesOf(page, person.id)) {
          if (open.actions.cancel) await page.request.post(`/api/schedules/${open.id}/cancel`, { data: {} });
        }
      }
    }
  });
});
