import { randomUUID } from "node:crypto";
import { eq, inArray, like } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type Database, createDatabase, migrate, notifications } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { NotifyConfig } from "./config";
import { enqueueNotification } from "./enqueue";
import type { NotificationEvent } from "./events";
import { type NotifierLogger, startNotifier } from "./notifier";
import { claimNotifications, pruneSent } from "./outbox";
import { type SmtpReceiver, type WebhookReceiver, startSmtpReceiver, startWebhookReceiver } from "./test-receivers";

const SMTP_USER = "mailer@example.com";
const SMTP_PASSWORD = "smtp-pa55word-never-logged";
const WORKFRONT_KEY = "wf-api-key-0123456789abcdef";

function capturingLogger() {
  const lines: { level: string; object: object; message: string }[] = [];
  const logger: NotifierLogger = {
    info: (object, message) => lines.push({ level: "info", object, message }),
    warn: (object, message) => lines.push({ level: "warn", object, message }),
    error: (object, message) => lines.push({ level: "error", object, message }),
  };
  return { logger, lines, text: () => JSON.stringify(lines) };
}

function jobEnded(overrides: Partial<Extract<NotificationEvent, { type: "job_ended" }>> = {}): NotificationEvent {
  return {
    type: "job_ended",
    jobId: randomUUID(),
    kind: "deactivate",
    status: "completed",
    total: 3,
    succeeded: 2,
    already: 1,
    failed: 0,
    refused: 0,
    cancelled: 0,
    startedBy: "operator@example.com",
    ticket: "HR-42",
    ...overrides,
  };
}

let smtp: SmtpReceiver;
let hook: WebhookReceiver;

beforeAll(async () => {
  smtp = await startSmtpReceiver({ user: SMTP_USER, password: SMTP_PASSWORD });
  hook = await startWebhookReceiver();
});
afterAll(async () => {
  await smtp.close();
  await hook.close();
});
beforeEach(() => {
  smtp.mails.length = 0;
  hook.calls.length = 0;
  smtp.refuseNext(0);
  hook.failNext(0);
});

function config(overrides: Partial<NotifyConfig> = {}): NotifyConfig {
  return {
    email: { smtpUrl: smtp.url(SMTP_USER, SMTP_PASSWORD), from: "wf-offboard@example.com", to: ["it@example.com"], digestTo: ["hr@example.com"] },
    webhook: { webhookUrl: hook.url, format: "slack" },
    locale: "en",
    timeZone: "Europe/Berlin",
    appUrl: "https://offboard.example.com",
    digestHour: 7,
    maxAttempts: 3,
    retryBaseMs: 20,
    retryCapMs: 40,
    pollMs: 60_000,
    ...overrides,
  };
}

async function rowsOf(db: Database, jobIds: string[]) {
  return db
    .select()
    .from(notifications)
    .where(inArray(notifications.eventKey, jobIds.map((id) => `job_ended:${id}`)));
}

/** Runs rounds until nothing is due or waiting for a retry (retries are due within ms here). */
async function drain(run: () => Promise<number>, db: Database, keys: string[]) {
  for (let round = 0; round < 50; round += 1) {
    await run();
    const open = await db
      .select({ id: notifications.id })
      .from(notifications)
      .where(inArray(notifications.eventKey, keys));
    const rows = await db.select().from(notifications).where(inArray(notifications.eventKey, keys));
    if (open.length > 0 && rows.every((row) => row.state === "sent" || row.state === "failed")) return;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
}

describe("a restart", () => {
  it("the outbox is in the database: what one process enqueued, the next one sends after it stopped", async () => {
    // A database of its own, opened and closed by each "process" as an app instance would.
    const server = process.env.TEST_DATABASE_URL!;
    const name = `wfo_test_restart_${randomUUID().slice(0, 8)}`;
    const at = (database: string) => Object.assign(new URL(server), { pathname: `/${database}` }).toString();
    const admin = new pg.Client({ connectionString: at("postgres") });
    await admin.connect();
    await admin.query(`create database "${name}"`);
    try {
      const event = jobEnded();
      const id = (event as { jobId: string }).jobId;
      const before = await createDatabase({ url: at(name) });
      await migrate(before.db);
      await enqueueNotification(before.db, event, config());
      await before.close();

      const after = await createDatabase({ url: at(name) });
      const notifier = startNotifier({ db: after.db, config: config(), logger: capturingLogger().logger });
      expect(await notifier.runOnce()).toBe(2);
      await notifier.stop();
      expect((await rowsOf(after.db, [id])).map((row) => row.state)).toEqual(["sent", "sent"]);
      await after.close();
      expect(smtp.mails.filter((mail) => mail.text.includes(id))).toHaveLength(1);
      expect(hook.calls.filter((call) => JSON.stringify(call.body).includes(id))).toHaveLength(1);
    } finally {
      await admin.query(`drop database if exists "${name}" with (force)`);
      await admin.end();
    }
  });
});

describe("test receivers", () => {
  it("the SMTP receiver refuses a wrong password", async () => {
    const { emailChannel } = await import("./channels/email");
    const channel = emailChannel({ smtpUrl: smtp.url(SMTP_USER, "wrong"), from: "a@example.com", to: ["b@example.com"], digestTo: [] });
    await expect(channel.send({ subject: "s", text: "t" }, { digest: false })).rejects.toThrow(/535|Invalid/);
    channel.close?.();
  });
});

withTestDatabase("notifications", ({ db }) => {
  it("sends a job's end by e-mail to the SMTP server and by webhook, once each, and records them sent", async () => {
    const event = jobEnded();
    const id = (event as { jobId: string }).jobId;
    expect(await enqueueNotification(db(), event, config())).toBe(2);
    const notifier = startNotifier({ db: db(), config: config(), logger: capturingLogger().logger });
    try {
      expect(await notifier.runOnce()).toBe(2);
    } finally {
      await notifier.stop();
    }
    const mine = smtp.mails.filter((mail) => mail.text.includes(id));
    expect(mine).toHaveLength(1);
    expect(mine[0]!.to).toEqual(["it@example.com"]);
    expect(mine[0]!.text).toContain("Subject: Deactivation job finished: 2 of 3 done");
    expect(mine[0]!.text).toContain(`https://offboard.example.com/jobs/${id}`);
    expect(smtp.logins).toContain(SMTP_USER);
    const calls = hook.calls.filter((call) => JSON.stringify(call.body).includes(id));
    expect(calls).toHaveLength(1);
    expect(calls[0]!.body).toEqual({ text: expect.stringContaining("*Deactivation job finished: 2 of 3 done*") });
    const rows = await rowsOf(db(), [id]);
    expect(rows.map((row) => [row.channel, row.state, row.attempts]).sort()).toEqual([
      ["email", "sent", 1],
      ["webhook", "sent", 1],
    ]);
  });

  it("an event told twice is stored and sent once per channel", async () => {
    const event = jobEnded();
    expect(await enqueueNotification(db(), event, config())).toBe(2);
    expect(await enqueueNotification(db(), event, config())).toBe(0);
    expect(await rowsOf(db(), [(event as { jobId: string }).jobId])).toHaveLength(2);
  });

  it("with no channel configured, nothing is stored", async () => {
    const event = jobEnded();
    expect(await enqueueNotification(db(), event, { email: null, webhook: null })).toBe(0);
    expect(await rowsOf(db(), [(event as { jobId: string }).jobId])).toHaveLength(0);
  });

  it("carries only allow-listed fields: a credential passed along by mistake is stored nowhere and sent nowhere", async () => {
    const event = {
      ...jobEnded(),
      apiKey: WORKFRONT_KEY,
      credential: { apiKey: WORKFRONT_KEY },
      workfrontUser: { ID: "a".repeat(32), apiKey: WORKFRONT_KEY },
    } as unknown as NotificationEvent;
    const id = (event as { jobId: string }).jobId;
    await enqueueNotification(db(), event, config());
    const rows = await rowsOf(db(), [id]);
    expect(JSON.stringify(rows)).not.toContain(WORKFRONT_KEY);
    expect(Object.keys(rows[0]!.payload as object).sort()).toEqual(
      ["already", "cancelled", "failed", "jobId", "kind", "refused", "startedBy", "status", "succeeded", "ticket", "total", "type"],
    );
    const notifier = startNotifier({ db: db(), config: config(), logger: capturingLogger().logger });
    await notifier.runOnce();
    await notifier.stop();
    const mail = smtp.mails.find((entry) => entry.text.includes(id));
    expect(mail).toBeDefined();
    expect(mail!.raw).not.toContain(WORKFRONT_KEY);
    expect(mail!.text).not.toContain(WORKFRONT_KEY);
    const call = hook.calls.find((entry) => JSON.stringify(entry.body).includes(id));
    expect(call).toBeDefined();
    expect(JSON.stringify(call!.body)).not.toContain(WORKFRONT_KEY);
  });

  it("a failed send is retried with backoff until it succeeds, and the error it met is kept without secrets", async () => {
    hook.failNext(2, 503);
    smtp.refuseNext(1);
    const event = jobEnded();
    const id = (event as { jobId: string }).jobId;
    await enqueueNotification(db(), event, config());
    const log = capturingLogger();
    const notifier = startNotifier({ db: db(), config: config({ maxAttempts: 5 }), logger: log.logger });
    await drain(() => notifier.runOnce(), db(), [`job_ended:${id}`]);
    await notifier.stop();
    const rows = await rowsOf(db(), [id]);
    const byChannel = Object.fromEntries(rows.map((row) => [row.channel, row]));
    expect(byChannel.webhook).toMatchObject({ state: "sent", attempts: 3, lastError: null });
    expect(byChannel.email).toMatchObject({ state: "sent", attempts: 2, lastError: null });
    expect(hook.calls.filter((call) => JSON.stringify(call.body).includes(id))).toHaveLength(1);
    expect(smtp.mails.filter((mail) => mail.text.includes(id))).toHaveLength(1);
    const warnings = log.lines.filter((line) => line.level === "warn").map((line) => (line.object as { reason: string }).reason);
    expect(warnings).toEqual(expect.arrayContaining(["webhook answered HTTP 503", expect.stringMatching(/^SMTP .*451/)]));
    expect(log.text()).not.toContain(hook.url);
    expect(log.text()).not.toContain("test-token");
  });

  it("gives up after the last attempt: failed, with the reason, logged as an error", async () => {
    hook.failNext(10, 500);
    const event = jobEnded();
    const id = (event as { jobId: string }).jobId;
    await enqueueNotification(db(), event, { email: null, webhook: config().webhook });
    const log = capturingLogger();
    const notifier = startNotifier({ db: db(), config: config({ maxAttempts: 2 }), logger: log.logger });
    await drain(() => notifier.runOnce(), db(), [`job_ended:${id}`]);
    await notifier.stop();
    const [row] = await rowsOf(db(), [id]);
    expect(row).toMatchObject({ state: "failed", attempts: 2, lastError: "webhook answered HTTP 500" });
    expect(log.lines.filter((line) => line.level === "error")).toHaveLength(1);
  });

  it("never logs or stores the SMTP password, even when the server refuses it", async () => {
    const event = jobEnded();
    const id = (event as { jobId: string }).jobId;
    const wrong = config({ maxAttempts: 1 });
    wrong.email = { ...wrong.email!, smtpUrl: smtp.url(SMTP_USER, `${SMTP_PASSWORD}-x`) };
    await enqueueNotification(db(), event, { email: wrong.email, webhook: null });
    const log = capturingLogger();
    const notifier = startNotifier({ db: db(), config: wrong, logger: log.logger });
    await notifier.runOnce();
    await notifier.stop();
    const [row] = await rowsOf(db(), [id]);
    expect(row!.state).toBe("failed");
    expect(row!.lastError).toMatch(/SMTP/);
    const everything = `${log.text()} ${JSON.stringify(row)}`;
    for (const secret of [SMTP_PASSWORD, Buffer.from(`\u0000${SMTP_USER}\u0000${SMTP_PASSWORD}-x`).toString("base64")]) {
      expect(everything).not.toContain(secret);
    }
  });

  it("survives a restart: a row whose sender died mid-send is sent by the next notifier once its lease runs out", async () => {
    const event = jobEnded();
    const id = (event as { jobId: string }).jobId;
    await enqueueNotification(db(), event, config());
    // The first process claims both rows and dies before sending.
    const claimed = await claimNotifications(db(), { owner: "dead-process", limit: 100, leaseMs: 50 });
    expect(claimed.map((row) => row.id)).toEqual(expect.arrayContaining((await rowsOf(db(), [id])).map((row) => row.id)));
    await new Promise((resolve) => setTimeout(resolve, 80));
    const notifier = startNotifier({ db: db(), config: config(), logger: capturingLogger().logger });
    await notifier.runOnce();
    await notifier.stop();
    const rows = await rowsOf(db(), [id]);
    expect(rows.map((row) => row.state)).toEqual(["sent", "sent"]);
    expect(rows.map((row) => row.attempts)).toEqual([2, 2]);
    expect(smtp.mails.filter((mail) => mail.text.includes(id))).toHaveLength(1);
    expect(hook.calls.filter((call) => JSON.stringify(call.body).includes(id))).toHaveLength(1);
  });

  it("a notification still leased by a live sender is not taken", async () => {
    const event = jobEnded();
    const id = (event as { jobId: string }).jobId;
    await enqueueNotification(db(), event, { email: null, webhook: config().webhook });
    await claimNotifications(db(), { owner: "alive", limit: 100, leaseMs: 60_000 });
    const notifier = startNotifier({ db: db(), config: config(), logger: capturingLogger().logger });
    await notifier.runOnce();
    await notifier.stop();
    const [row] = await rowsOf(db(), [id]);
    expect(row).toMatchObject({ state: "sending", leaseOwner: "alive" });
    expect(hook.calls.filter((call) => JSON.stringify(call.body).includes(id))).toHaveLength(0);
  });

  it("two notifiers on one database send each notification once", async () => {
    const events = Array.from({ length: 12 }, () => jobEnded());
    const ids = events.map((event) => (event as { jobId: string }).jobId);
    for (const event of events) await enqueueNotification(db(), event, config());
    const first = startNotifier({ db: db(), config: config(), owner: "one", batchSize: 3, logger: capturingLogger().logger });
    const second = startNotifier({ db: db(), config: config(), owner: "two", batchSize: 3, logger: capturingLogger().logger });
    const [a, b] = await Promise.all([first.runOnce(), second.runOnce()]);
    await Promise.all([first.stop(), second.stop()]);
    expect(a + b).toBe(24);
    for (const id of ids) {
      expect(smtp.mails.filter((mail) => mail.text.includes(id)), id).toHaveLength(1);
      expect(hook.calls.filter((call) => JSON.stringify(call.body).includes(id)), id).toHaveLength(1);
    }
    const rows = await rowsOf(db(), ids);
    expect(rows.every((row) => row.state === "sent" && row.attempts === 1)).toBe(true);
  });

  it("schedule events render in the organisation's time zone, and in German when asked", async () => {
    const scheduleId = randomUUID();
    const event: NotificationEvent = {
      type: "schedule_ran",
      scheduleId,
      person: { name: "Jürgen Müller", email: "juergen.mueller@example.com" },
      dueAt: "2026-12-31T22:59:59.999Z",
      ranAt: "2026-12-31T23:05:00.000Z",
      late: true,
    };
    await enqueueNotification(db(), event, { email: config().email, webhook: null });
    const notifier = startNotifier({ db: db(), config: config({ locale: "de" }), logger: capturingLogger().logger });
    await notifier.runOnce();
    await notifier.stop();
    const [row] = await db().select().from(notifications).where(eq(notifications.eventKey, `schedule_ran:${scheduleId}`));
    expect(row!.state).toBe("sent");
    const mail = smtp.mails.find((entry) => entry.text.includes("Subject: Jürgen Müller wurde wie geplant deaktiviert"));
    expect(mail).toBeDefined();
    expect(mail!.text).toContain("31.12.2026, 23:59");
    expect(mail!.text).toContain("(verspätet)");
    expect(await db().$count(notifications, like(notifications.eventKey, `schedule_ran:${scheduleId}%`))).toBe(1);
  });

  it("schedules that end together are told in one message per channel and kind, and each row is recorded", async () => {
    const batch = randomUUID().slice(0, 8);
    const person = (n: number) => ({ name: `Leaver ${batch} ${String(n).padStart(3, "0")}`, email: `leaver${n}.${batch}@example.com` });
    const dueAt = "2026-12-31T22:59:59.999Z";
    const ran: NotificationEvent[] = Array.from({ length: 150 }, (_, n) => ({ type: "schedule_ran", scheduleId: `${batch}-${n}`, person: person(n), dueAt, ranAt: "2026-12-31T23:00:02.000Z", late: false }));
    const failed: NotificationEvent[] = [0, 1].map((n) => ({ type: "schedule_failed", scheduleId: `${batch}-f${n}`, person: person(900 + n), dueAt, errorCode: "not_found", errorMessage: "Workfront does not find this user", attempt: 1 }));
    const job = jobEnded();
    for (const event of [...ran, ...failed, job]) await enqueueNotification(db(), event, config());
    // The first send of the ran group fails on the webhook: every one of its rows is tried again.
    hook.failNext(1, 503);
    const notifier = startNotifier({ db: db(), config: config(), logger: capturingLogger().logger });
    const keys = [...ran, ...failed].map((event) => `${event.type}:${(event as { scheduleId: string }).scheduleId}${event.type === "schedule_failed" ? ":1" : ""}`);
    await drain(() => notifier.runOnce(), db(), keys);
    await notifier.stop();

    const mails = smtp.mails.filter((mail) => mail.text.includes(batch) || mail.text.includes((job as { jobId: string }).jobId));
    expect(mails.map((mail) => /Subject: (.*)/.exec(mail.text)![1]).sort()).toEqual([
      "150 people were deactivated as scheduled",
      "2 scheduled deactivations failed",
      "Deactivation job finished: 2 of 3 done",
    ]);
    const ranMail = mails.find((mail) => mail.text.includes("Subject: 150 people"))!.text;
    // 100 people listed in order, the rest counted, and the way to everyone.
    expect(ranMail).toContain(`Leaver ${batch} 000 (leaver0.${batch}@example.com): due 12/31/2026, 11:59 PM GMT+1, deactivated 01/01/2027, 12:00 AM GMT+1`);
    expect(ranMail).toContain(`Leaver ${batch} 099`);
    expect(ranMail).not.toContain(`Leaver ${batch} 100`);
    expect(ranMail).toContain("… and 50 more: the Scheduled view lists everyone.");
    expect(ranMail).toContain("https://offboard.example.com/scheduled");
    const failedMail = mails.find((mail) => mail.text.includes("Subject: 2 scheduled deactivations failed"))!.text;
    expect(failedMail).toContain(`Leaver ${batch} 901 (leaver901.${batch}@example.com), due 12/31/2026, 11:59 PM GMT+1: Workfront does not find this user (not_found)`);
    const calls = hook.calls.filter((call) => JSON.stringify(call.body).includes(batch));
    expect(calls).toHaveLength(2);
    const rows = await db().select().from(notifications).where(inArray(notifications.eventKey, keys));
    expect(rows).toHaveLength(2 * 152);
    expect(rows.every((row) => row.state === "sent")).toBe(true);
    const attempts = (channel: string, type: string) => [...new Set(rows.filter((row) => row.channel === channel && row.eventKey.startsWith(type)).map((row) => row.attempts))];
    expect(attempts("webhook", "schedule_ran")).toEqual([2]);
    expect(attempts("email", "schedule_ran")).toEqual([1]);
  });

  it("forgets sent notifications after the days kept, and keeps failed ones", async () => {
    const [old, recent, failed] = [jobEnded(), jobEnded(), jobEnded()];
    for (const event of [old, recent, failed]) await enqueueNotification(db(), event, { email: null, webhook: config().webhook });
    const key = (event: NotificationEvent) => `job_ended:${(event as { jobId: string }).jobId}`;
    await db().update(notifications).set({ state: "sent", sentAt: new Date(Date.now() - 31 * 86_400_000) }).where(eq(notifications.eventKey, key(old)));
    await db().update(notifications).set({ state: "sent", sentAt: new Date(Date.now() - 29 * 86_400_000) }).where(eq(notifications.eventKey, key(recent)));
    await db().update(notifications).set({ state: "failed", lastError: "webhook answered HTTP 500" }).where(eq(notifications.eventKey, key(failed)));
    await db().update(notifications).set({ createdAt: new Date(Date.now() - 40 * 86_400_000) }).where(eq(notifications.eventKey, key(failed)));
    await pruneSent(db(), 30);
    const left = await db().select({ key: notifications.eventKey }).from(notifications).where(inArray(notifications.eventKey, [old, recent, failed].map(key)));
    expect(left.map((row) => row.key).sort()).toEqual([key(recent), key(failed)].sort());
  });
});
