import type { Page } from "@playwright/test";
import type { AuditEventDto } from "@/lib/audit/dto";
import type { ScheduleDto, ScheduleListDto } from "@/lib/schedule/dto";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";

/**
 * Scheduled deactivations (issue 17): a person scheduled a few seconds ahead is deactivated at
 * that time by the app's own runner, with the read-back proof in the audit log; a schedule made in
 * the confirm dialog is edited and cancelled, each change audited. Waits are for states, with
 * generous timeouts, never upper bounds on how fast the machine is.
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

/** Puts a person back as they were, for the next run against the same servers. */
async function reactivate(page: Page, id: string): Promise<void> {
  if (await isActiveInWorkfront(page, id)) return;
  expect((await page.request.post(`/api/users/${id}/reactivate`, { data: { reason: "Clean up after the schedule test" } })).status()).toBe(200);
}

test("a person scheduled 20 s ahead: the Scheduled view counts down, then they are deactivated with the proof in the audit log", async ({ usersPage, people }) => {
  test.setTimeout(180_000);
  const { page } = usersPage;
  const [person] = people.active(1);
  const dueAt = new Date(Date.now() + 20_000).toISOString();
  const created = await page.request.post("/api/schedules", {
    data: { people: [{ userId: person!.id }], when: { dueAt }, reason: "Last day (e2e)", ticket: "HR-17" },
  });
  expect(created.status()).toBe(201);
  const [schedule] = ((await created.json()) as { schedules: ScheduleDto[] }).schedules;
  try {
    await page.goto("/scheduled");
    await expect(page.getByRole("heading", { name: "Scheduled deactivations" })).toBeVisible();
    const row = page.locator(`tr[data-schedule-id="${schedule!.id}"]`);
    await expect(row).toContainText(person!.name);
    await expect(row).toContainText("operator@demo.local");
    await expect(row).toContainText("Last day (e2e)");
    await expect(row).toContainText("HR-17");
    await expect(row).toContainText("Scheduled");
    // The countdown moves: two different readings, one after the other.
    const countdown = row.getByTestId("countdown");
    await expect(countdown).toHaveText(/in 00:00:\d\d/, { timeout: 15_000 });
    const first = await countdown.textContent();
    await expect(countdown).not.toHaveText(first!, { timeout: 10_000 });

    // At the time, the runner deactivates them; the view shows it done (the list refreshes by itself).
    await page.getByLabel("Show").selectOption("all");
    await expect(row).toContainText("Done", { timeout: 120_000 });
    expect(await isActiveInWorkfront(page, person!.id)).toBe(false);

    const events = await auditOf(page, person!.id);
    const ours = events.filter((event) => event.scheduleId === schedule!.id);
    const ran = ours.filter((event) => event.action === "schedule_ran");
    expect(ran).toHaveLength(1);
    expect(ran[0]).toMatchObject({ outcome: "succeeded", isActiveAfter: false, actorEmail: "operator@demo.local", reason: "Last day (e2e)" });
    expect(ran[0]!.detail).toMatchObject({ readBack: { isActive: false }, dueAt });
    expect(ours.filter((event) => event.action === "deactivate").map((event) => event.outcome)).toEqual(["succeeded"]);

    // The audit page words it.
    await page.goto(`/audit?target=${person!.id}`);
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Scheduled deactivation ran" })).toHaveCount(1);
  } finally {
    await reactivate(page, person!.id);
  }
});

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
