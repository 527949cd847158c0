import { expect, test } from "@playwright/test";
import type { RunningEmulator } from "../emulator";
import type { JobDetailDto } from "@/lib/jobs/dto";
import type { UserListPage } from "@/lib/offboarding/user-dto";
import { type SmtpReceiver, type WebhookReceiver, startSmtpReceiver, startWebhookReceiver } from "../lib/notify/test-receivers";
import { JobPage } from "./pages/job-page";
import { type RunningApp, EXTRA_API_KEY, startApp, startExtraEmulator } from "./support/app-process";
import { signIn } from "./support/fixtures";
import { blockedAmong } from "./support/people";
import { extraAppPorts } from "./support/servers";

/**
 * Notifications (issue 17), on an app of its own configured with a real local SMTP server and a
 * webhook receiver, both started here: a bulk job that ends sends one e-mail and one webhook call,
 * neither carrying the Workfront credential or the SMTP password.
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

test("a bulk job that ends sends one e-mail to the SMTP server and one call to the webhook", async ({ page }) => {
  await signIn(page, "operator");
  const list = (await (await page.request.get("/api/users?status=active&sort=email&dir=asc&pageSize=100")).json()) as UserListPage;
  const candidates = list.users.filter((user) => !user.isAdmin && !user.protection && user.email).slice(0, 10);
  // People without blocking open work, whom an operator may deactivate without an override (issue 16's gate).
  const blocked = await blockedAmong(page.request, candidates);
  const people = candidates.filter((user) => !blocked.has(user.id)).slice(0, 2);
  expect(people).toHaveLength(2);
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
