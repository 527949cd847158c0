import type { APIRequestContext, Page } from "@playwright/test";
import type { JobDetailDto } from "@/lib/jobs/dto";
import { expect, test } from "./support/fixtures";
import { emulatorUrl } from "./support/servers";

/**
 * The Jobs list and a job's page when Workfront refuses the credential mid-way. The people come
 * from this spec's own (e2e/support/people.ts); each job is undone at the end.
 */

async function emulator(request: APIRequestContext, path: string): Promise<void> {
  const response = await request.post(`${emulatorUrl}/__emulator/${path}`);
  expect(response.ok(), `emulator ${path}`).toBe(true);
}

/** Creates a job through the API, as a script would (the UI path is covered in bulk.spec.ts). */
async function createJob(page: Page, kind: "deactivate" | "reactivate", userIds: string[]): Promise<string> {
  const response = await page.request.post("/api/jobs", { data: { kind, userIds, reason: "Jobs page test" } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as JobDetailDto).job.id;
}

async function waitForStatus(page: Page, id: string, status: string): Promise<void> {
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${id}`)).json()) as JobDetailDto).job.status, { timeout: 30_000 })
    .toBe(status);
}

test("a job paused for the Workfront credential says so, refuses Resume until the key works, then completes", async ({ jobPage, page, request, people }) => {
  const users = people.active(3);
  await emulator(request, "api-keys/revoke");
  let id = "";
  try {
    id = await createJob(page, "deactivate", users.map((user) => user.id));
    await page.goto(`/jobs/${id}`);
    await expect(page.getByRole("alert").filter({ hasText: "Reconnect Workfront" })).toBeVisible({ timeout: 20_000 });
    await expect(jobPage.count("Remaining")).toHaveText("3");
    expect(await jobPage.seriousAccessibilityViolations()).toEqual([]);

    await jobPage.action("Resume").click();
    await expect(page.getByRole("alert").filter({ hasText: "That did not work" })).toBeVisible();
  } finally {
    await emulator(request, "api-keys/restore");
  }
  // The worker's own probe may resume it first; either way, it ends with everyone done.
  await jobPage.action("Resume").click({ timeout: 2_000 }).catch(() => undefined);
  await jobPage.finished();
  await expect(jobPage.count("Deactivated")).toHaveText("3");

  const undo = await page.request.post(`/api/jobs/${id}/undo`, { data: {} });
  expect(undo.status()).toBe(201);
  await waitForStatus(page, ((await undo.json()) as JobDetailDto).job.id, "completed");
});

test("the results filter by outcome stays in the URL across a reload", async ({ jobPage, page, people }) => {
  const [deactivated] = people.deactivated(1);
  // Not one of the three the other test deactivates and puts back.
  const active = people.active(4)[3];
  // Deactivating someone already deactivated is recorded as "already", not as a failure.
  const id = await createJob(page, "deactivate", [deactivated!.id, active!.id]);
  await page.goto(`/jobs/${id}`);
  await jobPage.finished();
  await expect(jobPage.count("Already deactivated")).toHaveText("1");
  await expect(jobPage.count("Deactivated")).toHaveText("1");

  await jobPage.filter("Already deactivated").click();
  await expect(page).toHaveURL(/state=already/);
  await expect(jobPage.resultRows).toHaveCount(1);
  await expect(jobPage.resultRows).toContainText(deactivated!.name);
  await page.reload();
  await expect(jobPage.filter("Already deactivated")).toHaveAttribute("aria-selected", "true");
  await expect(jobPage.resultRows).toHaveCount(1);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Jobs" }).click();
  await expect(page.getByRole("table", { name: "Bulk jobs" }).getByRole("link").first()).toBeVisible();
  expect(await jobPage.seriousAccessibilityViolations()).toEqual([]);

  const undo = await page.request.post(`/api/jobs/${id}/undo`, { data: {} });
  expect(undo.status()).toBe(201);
  await waitForStatus(page, ((await undo.json()) as JobDetailDto).job.id, "completed");
});
