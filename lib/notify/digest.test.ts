import { eq, inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { notifications } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { enqueueDigestIfDue, zonedDayAndHour } from "./digest";
import type { Leaver, LeaversDigestEvent } from "./events";
import { renderNotification } from "./render";

const channels = { email: { smtpUrl: "smtp://127.0.0.1:1", from: "a@example.com", to: ["it@example.com"], digestTo: ["hr@example.com"] }, webhook: { webhookUrl: "http://127.0.0.1:1/hook", format: "slack" as const } };
const berlin = { ...channels, timeZone: "Europe/Berlin", digestHour: 7 };

const leavers: Leaver[] = [
  { name: "Zoë Zimmer", email: "zoe@example.com", dueAt: "2027-03-30T21:59:59.999Z" },
  { name: "Adrián Álvarez", email: "adrian@example.com", dueAt: "2027-03-25T22:59:59.999Z" },
];

/** A fake data source: records the windows it was asked for. */
function fakeSource(result: Leaver[] = leavers) {
  const windows: { from: Date; to: Date }[] = [];
  return {
    windows,
    source: async (window: { from: Date; to: Date }) => {
      windows.push(window);
      return result;
    },
  };
}

it("reads the day and hour in the time zone", () => {
  expect(zonedDayAndHour(new Date("2027-03-27T23:30:00Z"), "Europe/Berlin")).toEqual({ day: "2027-03-28", hour: 0 });
  expect(zonedDayAndHour(new Date("2027-03-27T23:30:00Z"), "UTC")).toEqual({ day: "2027-03-27", hour: 23 });
});

it("renders the digest sorted by due time, in the time zone, in English and German", () => {
  const event: LeaversDigestEvent = { type: "leavers_digest", day: "2027-03-25", leavers };
  const en = renderNotification(event, { locale: "en", timeZone: "Europe/Berlin", appUrl: null });
  expect(en.subject).toBe("Leavers in the next 7 days: 2");
  expect(en.text).toContain("People scheduled to be deactivated from Mar 25, 2027 to Mar 31, 2027 (Europe/Berlin):");
  const lines = en.text.split("\n");
  expect(lines.findIndex((line) => line.includes("Adrián Álvarez"))).toBeLessThan(lines.findIndex((line) => line.includes("Zoë Zimmer")));
  // Before and after the change to summer time (28 March 2027): each day's end in its own offset.
  expect(en.text).toContain("03/25/2027, 11:59 PM GMT+1: Adrián Álvarez (adrian@example.com)");
  expect(en.text).toContain("03/30/2027, 11:59 PM GMT+2: Zoë Zimmer (zoe@example.com)");
  const de = renderNotification(event, { locale: "de", timeZone: "Europe/Berlin", appUrl: null });
  expect(de.subject).toBe("Austritte in den nächsten 7 Tagen: 2");
  expect(de.text).toContain("30.03.2027, 23:59 MESZ: Zoë Zimmer (zoe@example.com)");
  const empty = renderNotification({ ...event, leavers: [] }, { locale: "en", timeZone: "UTC", appUrl: null });
  expect(empty.text).toContain("Nobody is scheduled in the next 7 days.");
});

withTestDatabase("the daily digest", ({ db }) => {
  it("is not due before NOTIFY_DIGEST_HOUR in the organisation's time zone", async () => {
    const fake = fakeSource();
    // 05:59 UTC is 06:59 in Berlin in winter.
    expect(await enqueueDigestIfDue(db(), { config: berlin, upcomingLeavers: fake.source, now: new Date("2027-01-10T05:59:00Z") })).toBe("not_due");
    expect(fake.windows).toEqual([]);
  });

  it("is put in the outbox once per day, for the next 7 days in the time zone, across a DST change", async () => {
    const fake = fakeSource();
    const now = new Date("2027-03-25T06:00:00Z"); // 07:00 in Berlin
    expect(await enqueueDigestIfDue(db(), { config: berlin, upcomingLeavers: fake.source, now })).toBe("enqueued");
    // 25 March 00:00 CET to 31 March 23:59:59.999 CEST (the week holds the change to summer time).
    expect(fake.windows).toEqual([{ from: new Date("2027-03-24T23:00:00Z"), to: new Date("2027-03-31T21:59:59.999Z") }]);
    expect(await enqueueDigestIfDue(db(), { config: berlin, upcomingLeavers: fake.source, now: new Date("2027-03-25T20:00:00Z") })).toBe("already");
    expect(fake.windows).toHaveLength(1);
    const rows = await db().select().from(notifications).where(eq(notifications.eventKey, "leavers_digest:2027-03-25"));
    expect(rows.map((row) => row.channel).sort()).toEqual(["email", "webhook"]);
    expect(rows[0]!.payload).toEqual({ type: "leavers_digest", day: "2027-03-25", leavers });
    // The next day has its own.
    expect(await enqueueDigestIfDue(db(), { config: berlin, upcomingLeavers: fake.source, now: new Date("2027-03-26T06:00:00Z") })).toBe("enqueued");
  });

  it("several instances at once: one digest per day and channel", async () => {
    const now = new Date("2027-05-02T09:00:00Z");
    const outcomes = await Promise.all(
      Array.from({ length: 4 }, () => enqueueDigestIfDue(db(), { config: berlin, upcomingLeavers: fakeSource().source, now })),
    );
    expect(outcomes.filter((outcome) => outcome === "enqueued").length).toBeGreaterThanOrEqual(1);
    expect(await db().$count(notifications, eq(notifications.eventKey, "leavers_digest:2027-05-02"))).toBe(2);
  });

  it("uses the database's clock when no instant is given", async () => {
    const today = async () =>
      ((await db().execute(sql`select to_char(now() at time zone 'UTC', 'YYYY-MM-DD') as day`)) as unknown as { rows: { day: string }[] }).rows[0]!.day;
    const before = await today();
    const outcome = await enqueueDigestIfDue(db(), { config: { ...channels, timeZone: "UTC", digestHour: 0 }, upcomingLeavers: fakeSource([]).source });
    const after = await today();
    expect(outcome).toBe("enqueued");
    // The day by the database's clock (either side of a midnight that fell in between).
    const keys = [...new Set([before, after])].map((day) => `leavers_digest:${day}`);
    expect(await db().$count(notifications, inArray(notifications.eventKey, keys))).toBe(2);
  });
});
