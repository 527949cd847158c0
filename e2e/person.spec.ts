import type { APIRequestContext } from "@playwright/test";
import type { AuditEventDto } from "@/lib/audit/dto";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { UserDto } from "@/lib/offboarding/user-dto";
import type { PersonImpactDto } from "@/lib/offboarding/impact/links";
import type { ScheduleDto } from "@/lib/schedule/dto";
import type { ImpactCategoryKey, ImpactCounts } from "@/lib/offboarding/impact/types";
import { expect, test } from "./support/fixtures";
import { PER_CATEGORY_POOL, peopleOf } from "./support/people";
import { e2eApiKey, emulatorUrl } from "./support/servers";

/**
 * A leaver's page (issue 16): what they still hold in Workfront, handed to their manager, then
 * deactivated; the audit log has one row per change. Uses this spec's people (e2e/support/people.ts),
 * a share of them per test so that each test finds people it has not changed: the first 20 for the
 * hand-over to the manager, the last 10 for successors who are leaving themselves; the test of a
 * successor per category has a pool of its own (`PER_CATEGORY_POOL`).
 */
const REASSIGNABLE = [
  "approvalStages",
  "taskAssignments",
  "issueAssignments",
  "issuesOwned",
  "projectsOwned",
  "projectsSponsored",
  "templatesOwned",
  "timesheetsToApprove",
  "timesheetProfiles",
  "teamsOwned",
  "reportsRunAs",
  "resourceManager",
];

async function impactOf(request: APIRequestContext, id: string): Promise<PersonImpactDto> {
  // A kept-alive socket the server closed just as it was reused: a read may be sent again.
  const get = () => request.get(`/api/users/${id}/impact`);
  const response = await get().catch((error: unknown) => {
    if (String(error).includes("ECONNRESET")) return get();
    throw error;
  });
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { impact: PersonImpactDto }).impact;
}

const reassignable = (impact: PersonImpactDto) =>
  impact.categories.filter((c) => REASSIGNABLE.includes(c.key)).reduce((n, c) => n + c.count, 0);

/** An active person of this spec with reassignable work and an active manager. */
async function leaverWithManager(request: APIRequestContext, candidates: UserDto[]) {
  for (const person of candidates) {
    const stored = (await (await request.get(`${emulatorUrl}/__emulator/users/${person.id}`)).json()) as {
      managerID: string | null;
    };
    if (!stored.managerID) continue;
    const manager = await request.get(`/api/users/${stored.managerID}`);
    if (!manager.ok() || !((await manager.json()) as UserDto).isActive) continue;
    const impact = await impactOf(request, person.id);
    if (reassignable(impact) > 0 && impact.blocking === 0)
      return { person, managerId: stored.managerID, impact };
  }
  throw new Error("person.spec.ts: none of its people holds work and has an active manager");
}

test("an operator sees a leaver's open work, hands it to the manager and deactivates them", async ({
  page,
  people,
}) => {
  const candidates = people.all.slice(0, 20).filter((user) => user.isActive && !user.protection && !user.isAdmin);
  const { person, managerId, impact } = await leaverWithManager(page.request, candidates);
  await page.goto(`/users/${person.id}`);
  await expect(page.getByRole("heading", { level: 1, name: person.name })).toBeVisible();
  const held = page.getByTestId("impact");
  await expect(held.getByRole("heading", { name: "What they still hold in Workfront" })).toBeVisible();
  const shown = impact.categories.find((c) => c.count > 0)!;
  await expect(held.locator(`[data-category="${shown.key}"]`)).toBeVisible();

  await expect(page.getByLabel("Successor (Workfront ID)")).toHaveValue(managerId);
  await page.getByLabel("Reason").first().fill("Left the company; work to the manager");
  await page.getByRole("button", { name: "Reassign to successor" }).click();
  const changes = reassignable(impact);
  await expect(page.getByRole("status").filter({ hasText: /made/ })).toContainText(`${changes} change`, {
    timeout: 30_000,
  });

  // Workfront now shows nothing reassignable for the leaver, and the manager holds it.
  expect(reassignable(await impactOf(page.request, person.id))).toBe(0);
  for (const category of impact.categories.filter((c) => REASSIGNABLE.includes(c.key) && c.count > 0)) {
    await expect(page.getByTestId("impact").locator(`[data-category="${category.key}"]`)).toHaveCount(0);
  }

  await page.getByRole("button", { name: "Deactivate…" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel(/Reason/).fill("Left the company");
  await dialog.getByRole("button", { name: "Deactivate" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { level: 1, name: person.name }).locator("..")).toContainText(
    "Deactivated",
  );

  const audit = await page.request.get(`/api/audit?target=${person.id}&action=reassign&pageSize=200`);
  const body = (await audit.json()) as { total: number; rows: { outcome: string }[] };
  expect(body.total).toBe(changes);
  expect(body.rows.every((row) => row.outcome === "succeeded")).toBe(true);
  await expect(page.getByRole("table").getByText("Reassign").first()).toBeVisible();

  // Put the person back for the next run of this spec (their work stays with the manager).
  const back = await page.request.post(`/api/users/${person.id}/reactivate`, {
    data: { reason: "e2e clean-up" },
  });
  expect(back.ok()).toBe(true);
});

test("a bad successor is refused with a clear 4xx and nothing changes", async ({ page, people }) => {
  const [leaver, other] = people.all.filter((user) => user.isActive && !user.protection && !user.isAdmin);
  const inactive = (await (await page.request.get("/api/users?status=deactivated&pageSize=25")).json()) as {
    users: UserDto[];
  };
  const cases: [string | undefined, string, UserDto[]][] = [
    [inactive.users[0]!.id, "successor_inactive", [leaver!]],
    ["f".repeat(32), "successor_unknown", [leaver!]],
    [leaver!.id, "successor_is_leaver", [leaver!]],
    [other!.id, "successor_is_leaver", [leaver!, other!]],
  ];
  const reassignRows = async () =>
    ((await (await page.request.get("/api/audit?action=reassign")).json()) as { total: number }).total;
  const before = await reassignRows();
  for (const [successorId, code, leavers] of cases) {
    const response = await page.request.post("/api/reassignments", {
      data: {
        leavers: leavers.map((l, i) => ({ leaverId: l.id, ...(i === 0 ? { successorId } : {}) })),
        reason: "Left",
      },
    });
    expect(response.status(), code).toBe(422);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(code);
  }
  expect(await reassignRows()).toBe(before);
});

test("many people's work is counted in one call, as each person's own check counts it", async ({
  page,
  people,
}) => {
  const ids = people.all.slice(0, 12).map((user) => user.id);
  const response = await page.request.post("/api/users/impact", { data: { userIds: ids } });
  expect(response.ok()).toBe(true);
  const many = ((await response.json()) as { people: Record<string, { total: number; blocking: number }> })
    .people;
  for (const id of ids.slice(0, 4)) {
    const one = await impactOf(page.request, id);
    expect(many[id]).toMatchObject({ total: one.total, blocking: one.blocking });
  }
  const bad = await page.request.post("/api/users/impact", { data: { userIds: ["not-an-id"] } });
  expect(bad.status()).toBe(400);
});

/** What Workfront (the emulator) shows in one field of one object now, read with Workfront's own API. */
async function fieldInWorkfront(objCode: string, objectId: string, field: string): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}/attask/api/v21.0/${objCode.toLowerCase()}/search?ID=${objectId}&fields=${field}`, {
    headers: { apiKey: e2eApiKey },
  });
  expect(response.ok, `${objCode} ${objectId}`).toBe(true);
  const [row] = ((await response.json()) as { data: Record<string, unknown>[] }).data;
  return row?.[field];
}

/** The categories' names on the English page (lib/i18n/messages/en/person.json). */
const CATEGORY_LABELS: Record<string, string> = {
  approvalStages: "Approval-process stages naming them",
  taskAssignments: "Open task assignments",
  issueAssignments: "Open issue assignments",
  issuesOwned: "Open issues they own",
  projectsOwned: "Open projects they own",
  projectsSponsored: "Open projects they sponsor",
  templatesOwned: "Templates they own",
  timesheetsToApprove: "Timesheets they approve",
  timesheetProfiles: "Timesheet profiles they approve",
  teamsOwned: "Teams they own",
  reportsRunAs: "Reports that run with their access rights",
  resourceManager: "Projects where they are resource manager",
};

const held = (impact: PersonImpactDto) => impact.categories.filter((c) => REASSIGNABLE.includes(c.key) && c.count > 0);

test("an operator gives one category to a successor of its own and the rest to the manager; Workfront and the audit log show each change", async ({
  page,
  usersPage: _signedIn,
}) => {
  // Its own people (a pool of 80): someone with work in two categories at least is rare.
  const mine = (await peopleOf(page.request, PER_CATEGORY_POOL)).all.filter((user) => user.isActive && !user.protection && !user.isAdmin);
  const batch = await page.request.post("/api/users/impact", { data: { userIds: mine.map((user) => user.id) } });
  expect(batch.ok()).toBe(true);
  const counts = ((await batch.json()) as { people: Record<string, ImpactCounts> }).people;
  const kinds = (id: string) => REASSIGNABLE.filter((key) => (counts[id]?.counts[key as ImpactCategoryKey] ?? 0) > 0);
  // Approvals the example where someone holds approval stages; then whoever holds the most kinds.
  const ranked = mine
    .filter((user) => kinds(user.id).length >= 2)
    .sort((a, b) => Number(kinds(b.id).includes("approvalStages")) - Number(kinds(a.id).includes("approvalStages")) || kinds(b.id).length - kinds(a.id).length);
  let found: { person: UserDto; managerId: string; impact: PersonImpactDto } | null = null;
  for (const person of ranked) {
    const stored = (await (await page.request.get(`${emulatorUrl}/__emulator/users/${person.id}`)).json()) as { managerID: string | null };
    if (!stored.managerID) continue;
    const manager = await page.request.get(`/api/users/${stored.managerID}`);
    if (!manager.ok() || !((await manager.json()) as UserDto).isActive) continue;
    found = { person, managerId: stored.managerID, impact: await impactOf(page.request, person.id) };
    break;
  }
  expect(found, "none of the per-category pool holds work in two categories and has an active manager").not.toBeNull();
  const { person, managerId, impact } = found!;
  const own = held(impact).find((c) => c.key === "approvalStages") ?? held(impact)[0]!;
  const deputy = mine.find((user) => user.id !== person.id && user.id !== managerId)!;
  const changes = reassignable(impact);

  await page.goto(`/users/${person.id}`);
  await expect(page.getByLabel("Successor (Workfront ID)")).toHaveValue(managerId);
  await page.getByText("A different successor per category").click();
  await page.locator("form").filter({ hasText: "Hand their work to a successor" }).getByLabel(CATEGORY_LABELS[own.key]!, { exact: true }).fill(deputy.id);
  await page.getByLabel("Reason").first().fill("Left the company; approvals to the deputy");
  await page.getByRole("button", { name: "Reassign to successor" }).click();
  await expect(page.getByRole("status").filter({ hasText: /made/ })).toContainText(`${changes} change`, { timeout: 30_000 });
  expect(reassignable(await impactOf(page.request, person.id))).toBe(0);

  // One audit row per change, each naming its object; Workfront shows each object with its successor.
  const audit = await page.request.get(`/api/audit?target=${person.id}&action=reassign&pageSize=200`);
  const rows = ((await audit.json()) as { rows: AuditEventDto[] }).rows;
  expect(rows).toHaveLength(changes);
  for (const category of held(impact)) expect(rows.filter((row) => row.change?.category === category.key)).toHaveLength(category.count);
  for (const row of rows) {
    expect(row.outcome).toBe("succeeded");
    const change = row.change!;
    const successor = change.category === own.key ? deputy.id : managerId;
    expect(change, `${change.category} ${change.objectId}`).toMatchObject({ from: person.id, to: successor });
    expect(await fieldInWorkfront(change.objCode, change.objectId, change.field), `${change.category} ${change.objectId}`).toBe(successor);
  }
  await page.goto(`/audit?target=${person.id}&action=reassign&pageSize=200`);
  const notes = page.getByTestId("audit-change");
  await expect(notes.first()).toBeVisible();
  await expect(notes.filter({ hasText: CATEGORY_LABELS[own.key]! }).first()).toContainText(`→ ${deputy.name}`);
  const other = held(impact).find((c) => c.key !== own.key)!;
  await expect(notes.filter({ hasText: CATEGORY_LABELS[other.key]! }).first()).not.toContainText(`→ ${deputy.name}`);
});

test("a successor who is leaving is refused: scheduled for deactivation, or in the same job as the leaver whose work they hold", async ({
  page,
  people,
  importPage,
}) => {
  const mine = people.all.slice(30, 40).filter((user) => user.isActive && !user.protection && !user.isAdmin && !people.blockedIds.has(user.id));
  let leaver: UserDto | undefined;
  for (const person of mine) {
    if (((await impactOf(page.request, person.id)).categories.find((c) => c.key === "taskAssignments")?.count ?? 0) > 0) {
      leaver = person;
      break;
    }
  }
  expect(leaver, "person.spec.ts: none of its people 31–40 holds open task assignments").toBeDefined();
  const [successor] = mine.filter((user) => user.id !== leaver!.id);
  const reassignRows = async () =>
    ((await (await page.request.get(`/api/audit?action=reassign&target=${leaver!.id}`)).json()) as { total: number }).total;
  const before = { rows: await reassignRows(), impact: (await impactOf(page.request, leaver!.id)).total };
  const handOver = () =>
    page.request.post("/api/reassignments", {
      data: { leavers: [{ leaverId: leaver!.id, successorId: successor!.id }], categories: ["taskAssignments"], reason: "Leaving: tasks to a colleague" },
    });

  // Scheduled for deactivation next week: refused, nothing written.
  const dueAt = new Date(Date.now() + 7 * 24 * 3600_000).toISOString();
  const created = await page.request.post("/api/schedules", {
    data: { people: [{ userId: successor!.id }], when: { dueAt }, reason: "Last day next week (e2e)" },
  });
  expect(created.status()).toBe(201);
  const [schedule] = ((await created.json()) as { schedules: ScheduleDto[] }).schedules;
  try {
    const refused = await handOver();
    expect(refused.status()).toBe(422);
    const error = ((await refused.json()) as { error: { code: string; message: string; details: Record<string, unknown> } }).error;
    expect(error.code).toBe("successor_is_leaver");
    expect(error.message).toContain("scheduled to be deactivated");
    expect(error.details).toMatchObject({ successorId: successor!.id, scheduleId: schedule!.id });
    // The person page gets the same answer from the same check.
    await page.goto(`/users/${leaver!.id}`);
    await page.getByLabel("Successor (Workfront ID)").fill(successor!.id);
    await page.getByLabel("Reason").first().fill("Leaving: tasks to a colleague");
    await page.getByRole("button", { name: "Reassign to successor" }).click();
    const alert = page.locator("form").filter({ hasText: "Hand their work to a successor" }).getByRole("alert");
    await expect(alert).toContainText("The successor is a leaver too: choose someone who stays.");
    await expect(alert).toContainText("scheduled to be deactivated");
    expect(await reassignRows()).toBe(before.rows);
    expect((await impactOf(page.request, leaver!.id)).total).toBe(before.impact);
  } finally {
    const cancelled = await page.request.post(`/api/schedules/${schedule!.id}/cancel`, { data: {} });
    expect(cancelled.ok()).toBe(true);
  }

  // Not leaving any more: the hand-over goes through.
  const started = await handOver();
  expect(started.status()).toBe(202);
  const { reassignment } = (await started.json()) as { reassignment: { id: string } };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/reassignments/${reassignment.id}`)).json()) as { reassignment: { status: string } }).reassignment.status, { timeout: 30_000 })
    .toBe("completed");

  // Now a job that would deactivate both: the successor's newly held work would be orphaned again.
  const jobsBefore = ((await (await page.request.get("/api/jobs?pageSize=25")).json()) as { total: number }).total;
  const job = await page.request.post("/api/jobs", {
    data: { kind: "deactivate", userIds: [leaver!.id, successor!.id], reason: "Leavers (e2e)" },
  });
  try {
    expect(job.status()).toBe(409);
    const error = ((await job.json()) as { error: { code: string; details: { pairs: { leaverId: string; successorId: string; objects: number }[] } } }).error;
    expect(error.code).toBe("successor_in_job");
    expect(error.details.pairs).toEqual([expect.objectContaining({ leaverId: leaver!.id, successorId: successor!.id })]);
    expect(((await (await page.request.get("/api/jobs?pageSize=25")).json()) as { total: number }).total).toBe(jobsBefore);

    // The import's dry run says so before anyone starts the job, naming who holds whose work.
    await importPage.goto();
    await importPage.paste.fill(`${leaver!.email}\n${successor!.email}`);
    await importPage.checkList.click();
    await expect(importPage.result("Will be deactivated")).toHaveText("Will be deactivated 2");
    await importPage.run.click();
    await importPage.dialog.getByRole("button", { name: "Dry run" }).click();
    const warning = importPage.dialog.getByTestId("dry-run-successor-in-job");
    await expect(warning).toContainText("Someone in this job holds work handed to them from another person in it");
    await expect(warning).toContainText(`${successor!.name} holds`);
    await importPage.dialog.getByRole("button", { name: "Cancel" }).click();
  } finally {
    // Should the refusal ever fail, put both people back for the next run.
    if (job.status() === 201) {
      const undo = await page.request.post(`/api/jobs/${((await job.json()) as JobDetailDto).job.id}/undo`, { data: { reason: "e2e clean-up" } });
      expect(undo.status()).toBe(201);
    }
  }
});
