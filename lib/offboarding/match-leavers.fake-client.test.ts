import { afterEach, describe, expect, it, vi } from "vitest";
import type { SearchQuery, WorkfrontClient, WorkfrontUser } from "@/lib/workfront";
import { workfrontUser } from "@/lib/workfront/test-user";
import { matchLeavers } from "./match-leavers";

/**
 * matchLeavers against an in-memory Workfront: ID and e-mail searches (`in` / `ciin`), the tenant
 * read whole in ID order, a count that may be told to say the tenant is huge, and the tenant facts.
 */
const INTEGRATION = "f".repeat(32);
const MAIN_ADMIN = "e".repeat(32);
const id = (n: number) => String(n).padStart(32, "0");

function person(n: number, over: Partial<WorkfrontUser> = {}): WorkfrontUser {
  return workfrontUser(id(n), {
    name: `Person ${n}`,
    email: `p${n}@x.example`,
    username: `p${n}.login`,
    licenseType: "FULL",
    accessLevel: { id: "planner", name: "Planner", isAdmin: false },
    ...over,
  });
}

function fakeClient(users: WorkfrontUser[], options: { count?: number } = {}) {
  const searches: string[] = [];
  let countCalls = 0;
  const client = {
    getCurrentUser: async () => ({ id: INTEGRATION }),
    getCustomer: async () => ({ id: "customer", name: null, adminUserId: MAIN_ADMIN }),
    userMetadata: async () => ({ licenseTypes: [{ value: "FULL", label: "Standard" }] }),
    countUsers: async () => {
      countCalls += 1;
      return options.count ?? users.length;
    },
    searchUsers: async (query: SearchQuery) => {
      const filter = query.filters?.[0];
      if (filter && "values" in filter) {
        const values = filter.values.map(String);
        searches.push(`${filter.field} ${filter.op} ${values.join(" ")}`);
        if (filter.field === "ID") return users.filter((user) => values.includes(user.id));
        const wanted = values.map((value) => value.toLowerCase());
        return users.filter((user) => user.email !== null && wanted.includes(user.email.toLowerCase()));
      }
      const sorted = [...users].sort((a, b) => a.id.localeCompare(b.id));
      const first = query.first ?? 0;
      return sorted.slice(first, first + (query.limit ?? 100));
    },
  } as unknown as WorkfrontClient;
  return { client, searches: () => searches, countCalls: () => countCalls };
}

const UTC_NOW = { timeZone: "UTC", now: () => new Date("2026-06-01T12:00:00Z") };

afterEach(() => {
  vi.useRealTimers();
});

describe("what the preview says of each person", () => {
  it("describes them, their licence by its label (or its code, or none), and counts licences freed", async () => {
    const standard = person(1);
    const unlabelled = person(2, { licenseType: "LITE", accessLevel: null, username: null });
    const unlicensed = person(3, { licenseType: null, email: null });
    const another = person(4);
    const { client } = fakeClient([standard, unlabelled, unlicensed, another]);
    const text = [standard.id, unlabelled.id, unlicensed.id, another.id].join("\n");
    const report = await matchLeavers({ client, protectedUsers: [] }, { text }, "operator", undefined, UTC_NOW);
    expect(report.lines.map((line) => line.user)).toEqual([
      { id: id(1), name: "Person 1", email: "p1@x.example", username: "p1.login", isActive: true, licenseType: "FULL", licenseTypeLabel: "Standard", isAdmin: false },
      { id: id(2), name: "Person 2", email: "p2@x.example", username: null, isActive: true, licenseType: "LITE", licenseTypeLabel: "LITE", isAdmin: false },
      { id: id(3), name: "Person 3", email: null, username: "p3.login", isActive: true, licenseType: null, licenseTypeLabel: null, isAdmin: false },
      { id: id(4), name: "Person 4", email: "p4@x.example", username: "p4.login", isActive: true, licenseType: "FULL", licenseTypeLabel: "Standard", isAdmin: false },
    ]);
    expect(report.userIds).toEqual([id(1), id(2), id(3), id(4)]);
    expect(report.licensesFreed).toEqual([
      { licenseType: "FULL", label: "Standard", count: 2 },
      { licenseType: "LITE", label: "LITE", count: 1 },
      { licenseType: null, label: "No licence type", count: 1 },
    ]);
  });

  it("for an admin, sets active System Administrators apart and calls inactive ones already deactivated", async () => {
    const sysadmin = person(1, { accessLevel: { id: "sysadmin", name: "System Administrator", isAdmin: true } });
    const formerAdmin = person(2, { isActive: false, accessLevel: { id: "sysadmin", name: "System Administrator", isAdmin: true } });
    const ordinary = person(3);
    const { client } = fakeClient([sysadmin, formerAdmin, ordinary]);
    const text = [sysadmin.email, formerAdmin.email, ordinary.email].join("\n");
    const report = await matchLeavers({ client, protectedUsers: [] }, { text }, "admin", undefined, UTC_NOW);
    expect(report.lines.map((line) => [line.line, line.state, line.code, line.user?.id, line.user?.isAdmin, line.user?.isActive])).toEqual([
      [1, "system_admin", null, id(1), true, true],
      [2, "already_deactivated", null, id(2), true, false],
      [3, "will_deactivate", null, id(3), false, true],
    ]);
    expect(report.adminIds).toEqual([id(1)]);
    expect(report.userIds).toEqual([id(3)]);
    expect(report.counts).toEqual({
      will_deactivate: 1,
      already_deactivated: 1,
      protected: 0,
      system_admin: 1,
      not_found: 0,
      ambiguous: 0,
      duplicate: 0,
      invalid: 0,
      blank: 0,
    });
  });
});

describe("asking Workfront", () => {
  it("looks IDs up by ID and e-mails by e-mail, and reads the tenant only for usernames", async () => {
    const people = [person(1), person(2), person(3)];
    const fake = fakeClient(people);
    const report = await matchLeavers({ client: fake.client, protectedUsers: [] }, { text: `${id(1)}\np2@x.example\np3.login` }, "operator", undefined, UTC_NOW);
    expect(report.userIds).toEqual([id(1), id(2), id(3)]);
    expect(fake.searches()).toEqual([`ID in ${id(1)}`, "emailAddr ciin p2@x.example"]);
    expect(fake.countCalls()).toBe(1);
  });

  it("does not search by ID for a list of e-mails, nor by e-mail for a list of IDs", async () => {
    const people = [person(1), person(2)];
    const byEmail = fakeClient(people);
    await matchLeavers({ client: byEmail.client, protectedUsers: [] }, { text: "p1@x.example\nP2@X.example" }, "operator", undefined, UTC_NOW);
    expect(byEmail.searches()).toEqual(["emailAddr ciin p1@x.example P2@X.example"]);
    expect(byEmail.countCalls()).toBe(0);
    const byId = fakeClient(people);
    await matchLeavers({ client: byId.client, protectedUsers: [] }, { text: `${id(1)}\n\n${id(2)}` }, "operator", undefined, UTC_NOW);
    expect(byId.searches()).toEqual([`ID in ${id(1)} ${id(2)}`]);
    expect(byId.countCalls()).toBe(0);
  });

  it("in a tenant too big to read, says only usernames went unchecked", async () => {
    const { client } = fakeClient([person(1)], { count: 100_001 });
    const report = await matchLeavers({ client, protectedUsers: [] }, { text: "ghost@x.example\nsome.login\np1@x.example" }, "operator", undefined, UTC_NOW);
    expect(report.lines.map((line) => [line.state, line.code, line.reason])).toEqual([
      ["not_found", null, "No Workfront user has this e-mail address or username."],
      ["not_found", "usernames_unchecked", "Usernames cannot be checked in a tenant of more than 100000 users: use e-mails or IDs."],
      ["will_deactivate", null, null],
    ]);
  });
});

describe("values named more than once", () => {
  it("names every repeat of an unknown value a duplicate of its first line", async () => {
    const { client } = fakeClient([person(1)]);
    const report = await matchLeavers({ client, protectedUsers: [] }, { text: "ghost@x.example\nghost@x.example\nGHOST@x.example" }, "operator", undefined, UTC_NOW);
    expect(report.lines.map((line) => [line.line, line.state, line.duplicateOf, line.reason])).toEqual([
      [1, "not_found", null, "No Workfront user has this e-mail address or username."],
      [2, "duplicate", 1, "Same as line 1."],
      [3, "duplicate", 1, "Same as line 1."],
    ]);
  });

  it("keeps usernames apart that differ beyond letter case (ß is not ss)", async () => {
    const { client } = fakeClient([person(1)]);
    const report = await matchLeavers({ client, protectedUsers: [] }, { text: "straße\nstrasse\nSTRASSE" }, "operator", undefined, UTC_NOW);
    expect(report.lines.map((line) => [line.line, line.state, line.duplicateOf])).toEqual([
      [1, "not_found", null],
      [2, "not_found", null],
      [3, "duplicate", 2],
    ]);
  });
});

describe("the last day and the clock", () => {
  const csv = `email,Last day\np1@x.example,2026-12-31\np2@x.example,2026-01-10\n`;

  it("runs a last day that ends exactly now, and schedules one that ends a millisecond later", async () => {
    const { client } = fakeClient([person(1), person(2)]);
    const atEnd = { timeZone: "UTC", now: () => new Date("2026-12-31T23:59:59.999Z") };
    const ended = await matchLeavers({ client, protectedUsers: [] }, { csv }, "operator", undefined, atEnd);
    expect(ended.lines[0]?.lastDay).toEqual({ day: "2026-12-31", text: "2026-12-31", dueAt: "2026-12-31T23:59:59.999Z", past: true });
    expect(ended.userIds).toEqual([id(1), id(2)]);
    expect(ended.scheduled).toEqual([]);
    const before = { timeZone: "UTC", now: () => new Date("2026-12-31T23:59:59.998Z") };
    const ahead = await matchLeavers({ client, protectedUsers: [] }, { csv }, "operator", undefined, before);
    expect(ahead.userIds).toEqual([id(2)]);
    expect(ahead.scheduled).toEqual([{ userId: id(1), day: "2026-12-31", dueAt: "2026-12-31T23:59:59.999Z" }]);
  });

  it("without a clock, uses the time now and UTC days", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date("2026-06-01T12:00:00Z") });
    const { client } = fakeClient([person(1), person(2)]);
    const report = await matchLeavers({ client, protectedUsers: [] }, { csv }, "operator");
    expect(report.scheduled).toEqual([{ userId: id(1), day: "2026-12-31", dueAt: "2026-12-31T23:59:59.999Z" }]);
    expect(report.userIds).toEqual([id(2)]);
    expect(report.lines[1]?.lastDay).toEqual({ day: "2026-01-10", text: "2026-01-10", dueAt: "2026-01-10T23:59:59.999Z", past: true });
  });
});
