import { blockingOf } from "@/lib/offboarding/impact/blocking";
import type { ImpactCounts } from "@/lib/offboarding/impact/types";
import { type Page, expect, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { UserDto, UserListPage } from "@/lib/offboarding/user-dto";
import { JobPage } from "./pages/job-page";
import { UsersPage } from "./pages/users-page";
import { type RunningApp, startApp, startExtraEmulator } from "./support/app-process";
import { signIn } from "./support/fixtures";
import { extraAppPorts } from "./support/servers";

/**
 * What HR admins ran into on a slow tenant (issue 14), on an app of its own: Workfront at 1.5 s a
 * request, jobs of two people a chunk one chunk at a time, and a hard cap of 3 so that an
 * operator's selection can go over it. Its output is at hand, so the log can be checked too.
 */
test.describe.configure({ timeout: 120_000 });

const url = `http://127.0.0.1:${extraAppPorts.slowTenant}`;
test.use({ baseURL: url });

let emulator: RunningEmulator;
let app: RunningApp;
test.beforeAll(async () => {
  test.setTimeout(120_000);
  emulator = await startExtraEmulator();
  app = await startApp("slow-tenant", extraAppPorts.slowTenant, {
    JOBS_CHUNK_SIZE: "2",
    JOBS_CONCURRENCY: "1",
    BULK_HARD_CAP: "3",
    BULK_CONFIRM_THRESHOLD: "2",
  });
});
test.afterAll(async () => {
  await app?.stop();
  await emulator?.close();
});

async function latency(ms: number): Promise<void> {
  const response = await fetch(`${emulator.url}/__emulator/config`, {
    method: "PATCH",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ latencyMs: ms }),
  });
  expect(response.ok).toBe(true);
}

async function inFlight(): Promise<number> {
  return ((await (await fetch(`${emulator.url}/__emulator/stats`)).json()) as { inFlight: number }).inFlight;
}

async function activePeople(page: Page, count: number, skip = 0): Promise<UserDto[]> {
  const list = (await (await page.request.get("/api/users?status=active&sort=email&dir=asc&pageSize=100")).json()) as UserListPage;
  const candidates = list.users.filter((user) => !user.isAdmin && !user.protection && user.email);
  // Nobody whose open work blocks deactivation (issue 16's gate would refuse the job).
  const impact = await page.request.post("/api/users/impact", { data: { userIds: candidates.map((user) => user.id) } });
  expect(impact.ok()).toBe(true);
  const counts = ((await impact.json()) as { people: Record<string, ImpactCounts> }).people;
  const fit = candidates.filter((user) => blockingOf(counts[user.id]!).length === 0);
  expect(fit.length).toBeGreaterThanOrEqual(skip + count);
  return fit.slice(skip, skip + count);
}

test("a job on a 1.5 s tenant names its people from the start, then shows a rate and the time left", async ({ page }) => {
  await signIn(page, "admin");
  const people = await activePeople(page, 6);
  await latency(1_500);
  try {
    const response = await page.request.post("/api/jobs", {
      data: { kind: "deactivate", userIds: people.map((person) => person.id), reason: "Leavers on a slow tenant", confirmCount: 6 },
    });
    expect(response.status()).toBe(201);
    const { job, items } = (await response.json()) as JobDetailDto;
    // Named when created, before any of them was read from Workfront.
    expect(items.rows.map((row) => [row.targetName, row.targetEmail])).toEqual(people.map((person) => [person.name, person.email]));

    const jobPage = new JobPage(page);
    await page.goto(`/jobs/${job.id}`);
    const last = people.at(-1)!;
    // The last chunk's people wait for three chunks of 1.5 s requests: they are named while pending.
    await expect(jobPage.results.getByRole("row").filter({ hasText: last.email! })).toContainText(last.name);
    await expect(page.getByText(/people per (second|minute)/)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByText(/done in/)).toBeVisible();
    await jobPage.finished();
  } finally {
    await latency(0);
  }
});

test("over the hard cap: the selection bar says so, Deactivate is disabled with the reason, and keeping the first 3 enables it", async ({ page }) => {
  await signIn(page, "operator");
  const users = new UsersPage(page);
  await users.selectFirst(4);
  const bar = users.selectionBar;
  await expect(bar.getByText("4 selected: at most 3 people per job for your role")).toBeVisible();
  const deactivate = bar.getByRole("button", { name: "Deactivate 4 selected…" });
  await expect(deactivate).toBeDisabled();
  await expect(deactivate).toHaveAccessibleDescription(/at most 3 people per job/);
  await bar.getByRole("button", { name: "Keep the first 3" }).click();
  await expect(bar.getByRole("button", { name: "Deactivate 3 selected…" })).toBeEnabled();
  await expect(bar.getByText(/at most 3 people per job/)).toHaveCount(0);
});

test("a request the browser cancels is logged as the client leaving, never as an error", async ({ page }) => {
  await signIn(page, "operator");
  const [person] = await activePeople(page, 1, 10);
  await latency(1_500);
  try {
    // Cancel a read of one user while the app waits on Workfront for it, as a browser leaving does.
    await page.evaluate((id) => {
      const controller = new AbortController();
      (window as unknown as { cancelRead: () => void }).cancelRead = () => controller.abort();
      void fetch(`/api/users/${id}`, { signal: controller.signal }).catch(() => undefined);
    }, person!.id);
    await expect.poll(inFlight).toBeGreaterThan(0);
    await page.evaluate(() => (window as unknown as { cancelRead: () => void }).cancelRead());
    await expect.poll(() => app.output()).toContain("the client left before the answer");
    // Leave pages mid-load too, as people do.
    await page.goto("/users");
    await page.goto("/jobs");
  } finally {
    await latency(0);
  }
  const errors = app
    .output()
    .split("\n")
    .filter((line) => /"level":(50|60)/.test(line) || /^\s*(Error|⨯)\b/.test(line));
  expect(errors).toEqual([]);
});
