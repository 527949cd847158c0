import { type Page, expect, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import type { AuditEventDto } from "@/lib/audit/dto";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { UserListPage } from "@/lib/offboarding/user-dto";
import type { ScheduleDto } from "@/lib/schedule/dto";
import { type SmtpReceiver, type WebhookReceiver, startSmtpReceiver, startWebhookReceiver } from "../lib/notify/test-receivers";
import { JobPage } from "./pages/job-page";
import { type RunningApp, EXTRA_API_KEY, startApp, startExtraEmulator } from "./support/app-process";
import { signIn } from "./support/fixtures";
import { blockedAmong } from "./support/people";
import { extraAppPorts } from "./support/servers";

/**
 * Notifications (issue 17), on an app of its own configured with a real local SMTP server and a
 * webhook receiver, both started here: a bulk job that ends, and a person scheduled 20 s ahead
 * whom the app's runner deactivates at that time, each send one e-mail and one webhook call,
 * neither carrying the Workfront credential or the SMTP password. Waits are for states, with
 * generous timeouts, never upper bounds on how fast the machine is.
 */
test.describe.configure({ timeout: 90_000 });

const url = `http://127.0.0.1:${extraAppPorts.notify}`;
test.use({ baseURL: url });

const SMTP_USER = "wf-offboard-mailer";
const SMTP_PASSWORD = "e2e-smtp-password-never-shown";

let emulator: RunningEmulator;
let app: RunningApp;
let smtp: SmtpReceiver;
let hook: WebhookReceiver;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  emulator = await startExtraEmulator();
  smtp = await startSmtpReceiver({ user: SMTP_USER, password: SMTP_PASSWORD });
  hook = await startWebhookReceiver();
  app = await startApp("notify", extraAppPorts.notify, {
    SMTP_URL: smtp.url(SMTP_USER, SMTP_PASSWORD),
    NOTIFY_EMAIL_FROM: "wf-offboard@example.com",
    NOTIFY_EMAIL_TO: "it-security@example.com",
    NOTIFY_WEBHOOK_URL: hook.url,
    NOTIFY_POLL_MS: "200",
    LOG_LEVEL: "debug",
  });
});
test.afterAll(async () => {
  await app?.stop();
  await emulator?.close();
  await smtp?.close();
  await hook?.close();
});

/** Active people of the fresh tenant without blocking open work (issue 16's gate), in e-mail order. */
async function deactivatable(page: Page, count: number) {
  const list = (await (await page.request.get("/api/users?status=active&sort=email&dir=asc&pageSize=100")).json()) as UserListPage;
  const candidates = list.users.filter((user) => !user.isAdmin && !user.protection && user.email).slice(0, count + 5);
  const blocked = await blockedAmong(page.request, candidates);
  const people = candidates.filter((user) => !blocked.has(user.id)).slice(0, count);
  expect(people).toHaveLength(count);
  return people;
}

test("a bulk job that ends sends one e-mail to the SMTP server and one call to the webhook", async ({ page }) => {
  await signIn(page, "operator");
  // The first two the operator may deactivate without an override; the schedule test takes the third.
  const people = (await deactivatable(page, 3)).slice(0, 2);
  const response = await page.request.post("/api/jobs", {
    data: { kind: "deactivate", userIds: people.map((person) => person.id), reason: "Leavers told by e-mail", ticket: "HR-17" },
  });
  expect(response.status()).toBe(201);
  const { job } = (await response.json()) as JobDetailDto;

  await page.goto(`/jobs/${job.id}`);
  await new JobPage(page).finished();

  // Only the job's: the daily digest of upcoming leavers also goes out once the day's digest hour
  // has passed (NOTIFY_DIGEST_HOUR), which depends on when the test runs.
  const jobMails = () => smtp.mails.filter((mail) => mail.text.includes(`/jobs/${job.id}`));
  const jobCalls = () => hook.calls.filter((call) => JSON.stringify(call.body).includes("Deactivation job finished"));
  await expect.poll(() => jobMails().length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => jobCalls().length, { timeout: 20_000 }).toBe(1);
  const [mail] = jobMails();
  expect(mail!.to).toEqual(["it-security@example.com"]);
  expect(mail!.text).toContain("Subject: Deactivation job finished: 2 of 2 done");
  expect(mail!.text).toContain(`${url}/jobs/${job.id}`);
  const [call] = jobCalls();
  expect(call!.body).toEqual({ text: expect.stringContaining("Deactivation job finished: 2 of 2 done") });

  // Still one of each a few polls later: sent once.
  await page.waitForTimeout(1_000);
  expect(jobMails()).toHaveLength(1);
  expect(jobCalls()).toHaveLength(1);

  const carried = `${mail!.raw}\n${JSON.stringify(hook.calls)}`;
  expect(carried).not.toContain(EXTRA_API_KEY);
  expect(carried).not.toContain(SMTP_PASSWORD);
  expect(app.output()).not.toContain(SMTP_PASSWORD);
  expect(app.output()).not.toContain(hook.url);
});

test("a person scheduled 20 s ahead: the Scheduled view counts down; at the time they are deactivated, the audit log shows the proof, one e-mail and one webhook call", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "operator");
  const person = (await deactivatable(page, 3))[2]!;
  const dueAt = new Date(Date.now() + 20_000).toISOString();
  const created = await page.request.post("/api/schedules", {
    data: { people: [{ userId: person.id }], when: { dueAt }, reason: "Last day (e2e)", ticket: "HR-17" },
  });
  expect(created.status()).toBe(201);
  const [schedule] = ((await created.json()) as { schedules: ScheduleDto[] }).schedules;

  await page.goto("/scheduled");
  await expect(page.getByRole("heading", { name: "Scheduled deactivations" })).toBeVisible();
  const row = page.locator(`tr[data-schedule-id="${schedule!.id}"]`);
  await expect(row).toContainText(person.name);
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
  const stored = (await (await page.request.get(`${emulator.url}/__emulator/users/${person.id}`)).json()) as { isActive: boolean };
  expect(stored.isActive).toBe(false);

  // The proof: the read-back isActive:false, recorded once, after one deactivation of theirs.
  const audit = (await (await page.request.get(`/api/audit?target=${person.id}&pageSize=100`)).json()) as { rows: AuditEventDto[] };
  const ours = audit.rows.filter((event) => event.scheduleId === schedule!.id);
  const ran = ours.filter((event) => event.action === "schedule_ran");
  expect(ran).toHaveLength(1);
  expect(ran[0]).toMatchObject({ outcome: "succeeded", isActiveAfter: false, actorEmail: "operator@demo.local", reason: "Last day (e2e)" });
  expect(ran[0]!.detail).toMatchObject({ readBack: { isActive: false }, dueAt });
  expect(ours.filter((event) => event.action === "deactivate").map((event) => event.outcome)).toEqual(["succeeded"]);
  await page.goto(`/audit?target=${person.id}`);
  await expect(page.getByRole("table").getByRole("row").filter({ hasText: "Scheduled deactivation ran" })).toHaveCount(1);

  // One e-mail and one webhook call about it. Only the schedule's own: the daily digest, sent once
  // the day's digest hour has passed (it depends on when the test runs), may name the person too.
  const subject = `${person.name} was deactivated as scheduled`;
  const mails = () => smtp.mails.filter((mail) => mail.text.includes(person.name) && !mail.text.includes("Leavers in the next 7 days"));
  const calls = () => hook.calls.filter((call) => JSON.stringify(call.body).includes(person.name) && !JSON.stringify(call.body).includes("Leavers in the next 7 days"));
  await expect.poll(() => mails().length, { timeout: 20_000 }).toBe(1);
  await expect.poll(() => calls().length, { timeout: 20_000 }).toBe(1);
  const [mail] = mails();
  expect(mail!.to).toEqual(["it-security@example.com"]);
  expect(mail!.text).toContain(`Subject: ${subject}`);
  expect(calls()[0]!.body).toEqual({ text: expect.stringContaining(subject) });
  // Still one of each a few polls later: sent once.
  await page.waitForTimeout(1_000);
  expect(mails()).toHaveLength(1);
  expect(calls()).toHaveLength(1);
  const carried = `${mail!.raw}\n${JSON.stringify(calls())}`;
  expect(carried).not.toContain(EXTRA_API_KEY);
  expect(carried).not.toContain(SMTP_PASSWORD);
});
