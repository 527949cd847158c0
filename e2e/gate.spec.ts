import type { APIRequestContext, Browser, Page } from "@playwright/test";
import type { AuditEventDto } from "@/lib/audit/dto";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { PersonImpactDto } from "@/lib/offboarding/impact/links";
import type { ImpactCounts } from "@/lib/offboarding/impact/types";
import { blockingOf } from "@/lib/offboarding/impact/blocking";
import { expect, signIn, test } from "./support/fixtures";

/**
 * The gate (issue 16): approvals awaiting a leaver, or an approval stage where they are the only
 * approver, stop their deactivation until the work is reassigned or an admin overrides it with a
 * reason; the server refuses on its own (409 open_work_blocking), the audit log keeps who, why and
 * what was blocking, and the impact check taken just before each deactivation. This spec's people
 * (e2e/support/people.ts) include some whose work blocks; the tests find them as they are now.
 */
const BLOCKED_SUMMARY = /is blocked by it|are blocked by it/;
const OPERATOR_BLOCKED = "only an admin may deactivate despite it";

async function impactOf(request: APIRequestContext, id: string): Promise<PersonImpactDto> {
  const response = await request.get(`/api/users/${id}/impact`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { impact: PersonImpactDto }).impact;
}

async function blockedNow(request: APIRequestContext, ids: string[]): Promise<string[]> {
  const response = await request.post("/api/users/impact", { data: { userIds: ids } });
  expect(response.ok()).toBe(true);
  const people = ((await response.json()) as { people: Record<string, ImpactCounts> }).people;
  return ids.filter((id) => blockingOf(people[id]!).length > 0);
}

async function adminPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "admin");
  return page;
}

async function auditRows(request: APIRequestContext, query: string): Promise<AuditEventDto[]> {
  const response = await request.get(`/api/audit?${query}&pageSize=200`);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { rows: AuditEventDto[] }).rows;
}

async function jobDone(request: APIRequestContext, id: string): Promise<JobDetailDto> {
  await expect
    .poll(async () => ((await (await request.get(`/api/jobs/${id}`)).json()) as JobDetailDto).job.status, { timeout: 60_000 })
    .toBe("completed");
  return (await (await request.get(`/api/jobs/${id}`)).json()) as JobDetailDto;
}

test("a sole approver cannot be deactivated without reassignment: the operator is refused, an admin overrides with a reason, audited", async ({
  page,
  people,
  browser,
}) => {
  // Someone with an approval awaiting them: that cannot be reassigned through the API, so it blocks.
  const candidates = people.blocked(people.blockedIds.size);
  let target = candidates[0]!;
  for (const person of candidates) {
    const impact = await impactOf(page.request, person.id);
    if ((impact.categories.find((c) => c.key === "approvalsAwaiting")?.count ?? 0) > 0) {
      target = person;
      break;
    }
  }

  // The operator: the dialog shows the blocking work and will not send; the API refuses too.
  await page.goto(`/users/${target.id}`);
  await page.getByRole("button", { name: "Deactivate…" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByTestId("open-work")).toContainText(BLOCKED_SUMMARY);
  await expect(dialog.getByTestId("open-work").getByRole("link", { name: target.name })).toHaveAttribute("href", `/users/${target.id}`);
  await expect(dialog).toContainText(OPERATOR_BLOCKED);
  await expect(dialog.getByLabel("Why deactivate despite the blocking work")).toHaveCount(0);
  await dialog.getByLabel(/Reason/).fill("Left the company");
  await expect(dialog.getByRole("button", { name: "Deactivate", exact: true })).toHaveAttribute("aria-disabled", "true");
  await dialog.getByRole("button", { name: "Cancel" }).click();

  const refused = await page.request.post(`/api/users/${target.id}/deactivate`, { data: { reason: "Left the company" } });
  expect(refused.status()).toBe(409);
  const error = ((await refused.json()) as { error: { code: string; details: { people: { userId: string; blocking: { key: string }[] }[] } } }).error;
  expect(error.code).toBe("open_work_blocking");
  expect(error.details.people.map((person) => person.userId)).toEqual([target.id]);
  expect(error.details.people[0]!.blocking.length).toBeGreaterThan(0);
  const notAllowed = await page.request.post(`/api/users/${target.id}/deactivate`, {
    data: { reason: "Left the company", overrideOpenWork: { reason: "I say so" } },
  });
  expect(notAllowed.status()).toBe(403);
  expect((await page.request.get(`/api/users/${target.id}`).then((r) => r.json())) as { isActive: boolean }).toMatchObject({ isActive: true });

  // The admin overrides with a reason.
  const admin = await adminPage(browser);
  try {
    await admin.goto(`/users/${target.id}`);
    await admin.getByRole("button", { name: "Deactivate…" }).click();
    const adminDialog = admin.getByRole("dialog");
    await expect(adminDialog.getByTestId("open-work")).toContainText(BLOCKED_SUMMARY);
    await adminDialog.getByLabel(/^Reason/).fill("Left the company");
    await adminDialog.getByRole("button", { name: "Deactivate", exact: true }).click();
    await expect(adminDialog).toContainText("Give a reason of at least 3 characters for overriding the blocking work.");
    await adminDialog.getByLabel("Why deactivate despite the blocking work").fill("Approvals taken over by the deputy in Workfront");
    await adminDialog.getByRole("button", { name: "Deactivate", exact: true }).click();
    await expect(adminDialog).toBeHidden();
    await expect(admin.getByRole("heading", { level: 1, name: target.name }).locator("..")).toContainText("Deactivated");
    const evidence = admin.getByTestId("deactivation-evidence");
    await expect(evidence).toContainText("Approvals taken over by the deputy in Workfront");
    await expect(evidence).toContainText("admin@demo.local");

    const rows = await auditRows(page.request, `target=${target.id}&action=deactivate`);
    const overridden = rows.find((row) => row.outcome === "succeeded")!;
    expect(overridden.actorEmail).toBe("admin@demo.local");
    expect(overridden.openWork?.override?.reason).toBe("Approvals taken over by the deputy in Workfront");
    expect(overridden.openWork?.override?.blocking.length).toBeGreaterThan(0);
    const refusal = rows.find((row) => row.outcome === "refused")!;
    expect(refusal).toMatchObject({ refusedCode: "open_work_blocking", actorEmail: "operator@demo.local" });
    await admin.goto(`/audit?target=${target.id}`);
    await expect(admin.getByTestId("audit-open-work").first()).toContainText("An admin overrode the blocking work");

    // Reactivation says it moves no work back.
    await admin.goto(`/users/${target.id}`);
    await admin.getByRole("button", { name: "Reactivate…" }).click();
    const back = admin.getByRole("dialog");
    await expect(back).toContainText("Reactivating does not move work back");
    await back.getByLabel(/^Reason/).fill("e2e clean-up");
    await back.getByRole("button", { name: "Reactivate", exact: true }).click();
    await expect(back).toBeHidden();
  } finally {
    await admin.context().close();
  }
});

test("a 50-person import: the preview shows open work, blocked people stop the job until reassigned or overridden", async ({
  page,
  people,
  importPage,
  browser,
}) => {
  const blocked = people.blocked(people.blockedIds.size);
  expect(blocked.length, "gate.spec.ts needs people whose work blocks").toBeGreaterThan(0);
  const clear = people.active(50 - blocked.length + 1);
  const successor = clear.pop()!;
  const leavers = [...blocked, ...clear];
  expect(leavers).toHaveLength(50);
  const list = leavers.map((person) => person.email!).join("\n");

  // The preview shows everyone's open work; the operator's run is stopped.
  await importPage.goto();
  await importPage.paste.fill(list);
  await importPage.checkList.click();
  await expect(importPage.result("Will be deactivated")).toHaveText("Will be deactivated 50");
  await expect(page.getByTestId("open-work")).toContainText(BLOCKED_SUMMARY);
  await importPage.run.click();
  await expect(importPage.dialog.getByTestId("open-work")).toContainText(BLOCKED_SUMMARY);
  await expect(importPage.dialog).toContainText("left out of this run");
  await importPage.dialog.getByRole("button", { name: "Cancel" }).click();
  const job = { kind: "deactivate", userIds: leavers.map((person) => person.id), reason: "HR leavers list", sourceName: "leavers.txt" };
  const refused = await page.request.post("/api/jobs", { data: job });
  expect(refused.status()).toBe(409);
  const listed = ((await refused.json()) as { error: { code: string; details: { people: { userId: string }[] } } }).error;
  expect(listed.code).toBe("open_work_blocking");
  expect(listed.details.people.map((person) => person.userId).sort()).toEqual(blocked.map((person) => person.id).sort());

  // The operator hands the blocked people's work to a successor; approvals already awaiting them
  // cannot be moved through the API (docs/workfront-fidelity.md 54), so those people stay blocked.
  const started = await page.request.post("/api/reassignments", {
    data: { leavers: blocked.map((person) => ({ leaverId: person.id, successorId: successor.id })), reason: "Leaving: to the deputy" },
  });
  expect(started.status()).toBe(202);
  const { reassignment } = (await started.json()) as { reassignment: { id: string } };
  await expect
    .poll(async () => ((await (await page.request.get(`/api/reassignments/${reassignment.id}`)).json()) as { reassignment: { status: string } }).reassignment.status, { timeout: 60_000 })
    .toBe("completed");
  const stillBlocked = await blockedNow(page.request, blocked.map((person) => person.id));
  for (const id of stillBlocked) {
    const impact = await impactOf(page.request, id);
    // What blocks them now is only what no API call can move.
    expect(impact.categories.find((c) => c.key === "approvalStages")?.blocking ?? 0).toBe(0);
  }

  let jobId: string;
  if (stillBlocked.length > 0) {
    const again = await page.request.post("/api/jobs", { data: job });
    expect(again.status()).toBe(409);
    const names = ((await again.json()) as { error: { details: { people: { userId: string }[] } } }).error.details.people;
    expect(names.map((person) => person.userId).sort()).toEqual([...stillBlocked].sort());
    // An admin runs the import with an override: the dialog asks why.
    const admin = await adminPage(browser);
    try {
      await admin.goto("/import");
      await admin.getByLabel("E-mails, usernames or Workfront IDs, one per line").fill(list);
      await admin.getByRole("button", { name: "Check the list" }).click();
      await admin.getByRole("button", { name: /^Deactivate 50 people…$/ }).click();
      const dialog = admin.getByRole("dialog");
      await expect(dialog.getByTestId("open-work")).toContainText(BLOCKED_SUMMARY);
      await dialog.getByLabel(/^Reason/).fill("HR leavers list");
      await dialog.getByLabel("Why deactivate despite the blocking work").fill("Their approvals go to the deputy by hand");
      await dialog.getByRole("button", { name: "Deactivate", exact: true }).click();
      await expect(admin).toHaveURL(/\/jobs\/[0-9a-f-]{36}/, { timeout: 30_000 });
      jobId = admin.url().split("/jobs/")[1]!.split(/[?#]/)[0]!;
    } finally {
      await admin.context().close();
    }
  } else {
    const created = await page.request.post("/api/jobs", { data: job });
    expect(created.status()).toBe(201);
    jobId = ((await created.json()) as JobDetailDto).job.id;
  }

  try {
    const detail = await jobDone(page.request, jobId);
    expect(detail.job.counts.succeeded).toBe(50);
    const rows = await auditRows(page.request, `job=${jobId}&action=deactivate`);
    expect(rows).toHaveLength(50);
    // Every deactivation keeps its impact check; only the still-blocked carry the admin's override.
    expect(rows.every((row) => row.openWork !== null)).toBe(true);
    const overridden = rows.filter((row) => row.openWork?.override).map((row) => row.targetId).sort();
    expect(overridden).toEqual([...stillBlocked].sort());
    for (const row of rows.filter((r) => blocked.some((person) => person.id === r.targetId) && !stillBlocked.includes(r.targetId))) {
      expect(row.openWork?.blocking).toBe(0);
    }
  } finally {
    const undo = await page.request.post(`/api/jobs/${jobId}/undo`, { data: { reason: "Clean up after the gate test" } });
    expect(undo.status()).toBe(201);
    await jobDone(page.request, ((await undo.json()) as JobDetailDto).job.id);
  }
});
