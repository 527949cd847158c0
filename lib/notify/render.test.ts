import { describe, expect, it } from "vitest";
import type { NotificationEvent } from "./events";
import { renderNotifications } from "./render";

const options = { locale: "de" as const, timeZone: "Europe/Berlin", appUrl: null };
const overdue = (n: number, dueAt: string): NotificationEvent => ({
  type: "schedule_overdue",
  scheduleId: `s-${n}`,
  person: { name: n === 2 ? null : `Person ${n}`, email: `p${n}@example.com` },
  dueAt,
});

describe("renderNotifications", () => {
  it("tells many schedule events of one kind in one message, earliest first, in the organisation's language", () => {
    const message = renderNotifications([overdue(1, "2027-03-28T10:00:00.000Z"), overdue(2, "2027-03-27T10:00:00.000Z")], options);
    expect(message.subject).toBe("2 geplante Deaktivierungen sind überfällig");
    expect(message.text.split("\n").slice(0, 3)).toEqual([
      "Diese Deaktivierungen sind über ihrer Zeit und noch nicht gelaufen; jede läuft, sobald es geht:",
      // Before and after the change to summer time (2027-03-28): the zone's name says which.
      "p2@example.com (p2@example.com), geplant für 27.03.2027, 11:00 MEZ",
      "Person 1 (p1@example.com), geplant für 28.03.2027, 12:00 MESZ",
    ]);
    expect(message.text).not.toContain("weitere");
  });

  it("tells one event as before, and refuses to mix kinds", () => {
    expect(renderNotifications([overdue(1, "2027-03-28T10:00:00.000Z")], options).subject).toBe("Geplante Deaktivierung von Person 1 ist überfällig");
    const ran: NotificationEvent = { type: "schedule_ran", scheduleId: "s-9", person: { name: "X", email: null }, dueAt: "2027-03-28T10:00:00.000Z", ranAt: "2027-03-28T10:00:01.000Z", late: false };
    expect(() => renderNotifications([overdue(1, "2027-03-28T10:00:00.000Z"), ran], options)).toThrow(RangeError);
    expect(() => renderNotifications([], options)).toThrow(RangeError);
  });
});
