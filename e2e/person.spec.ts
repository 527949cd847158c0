import type { APIRequestContext } from "@playwright/test";
import type { UserDto } from "@/lib/offboarding/user-dto";
import type { PersonImpactDto } from "@/lib/offboarding/impact/links";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";

/**
 * A leaver's page (issue 16): what they still hold in Workfront, handed to their manager, then
 * deactivated; the audit log has one row per change. Uses this spec's people (e2e/support/people.ts).
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
  const candidates = people.all.filter((user) => user.isActive && !user.protection && !user.isAdmin);
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
