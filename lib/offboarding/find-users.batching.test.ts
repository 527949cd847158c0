import { describe, expect, it } from "vitest";
import type { WorkfrontUser } from "@/lib/workfront";
import { PAGE_LIMIT, allUsers, findUsersByEmails, findUsersByIds } from "./find-users";
import { fakeUsersClient, wfId, wfUser } from "./test-users-client";

const signal = new AbortController().signal;
const ID_SORT = [{ field: "ID", direction: "asc" }];
const people = (count: number, from = 1): WorkfrontUser[] =>
  Array.from({ length: count }, (_, i) => wfUser(from + i));
const ids = (users: readonly WorkfrontUser[]) => users.map((user) => user.id);

/** The values of each `in` search, in the order they were sent. */
function groupsSent(fake: ReturnType<typeof fakeUsersClient>): unknown[][] {
  return fake.searches().map((call) => {
    const { filters } = call.query as { filters: { values: unknown[] }[] };
    return filters[0]!.values;
  });
}

describe("findUsersByIds / findUsersByEmails", () => {
  it("sends one ID search per group of IDs that keeps the URL within budget, sorted by ID, and answers everyone found", async () => {
    // An ID costs "ID" + 2 + 32 = 36 bytes: 138 of them fit in 5,000 bytes (4,968), a 139th would not.
    const users = people(300);
    const fake = fakeUsersClient(users);
    const found = await findUsersByIds(fake.client, ids(users), signal);
    expect(found.map((user) => user.id)).toEqual(ids(users));
    expect(groupsSent(fake).map((group) => group.length)).toEqual([138, 138, 24]);
    expect(groupsSent(fake).flat()).toEqual(ids(users));
    expect(fake.searches()[0]).toEqual({
      method: "searchUsers",
      query: {
        filters: [{ field: "ID", op: "in", values: ids(users).slice(0, 138) }],
        sort: ID_SORT,
        limit: PAGE_LIMIT,
      },
      signal,
    });
    expect(fake.searches().every((call) => call.signal === signal)).toBe(true);
  });

  it("fills a group up to exactly 5,000 bytes of e-mails before starting the next, case-insensitively", async () => {
    // "emailAddr" + 2 + 39 = 50 bytes each: exactly 100 fit in the budget, the 101st starts a group.
    const emails = Array.from(
      { length: 101 },
      (_, i) => `someone.with-a-longer-name-${String(i).padStart(3, "0")}@ex.org`,
    );
    expect(emails.every((email) => encodeURIComponent(email).length === 39)).toBe(true);
    const users = emails.map((email, i) => wfUser(i + 1, { email }));
    const fake = fakeUsersClient(users);
    const found = await findUsersByEmails(
      fake.client,
      emails.map((email) => email.toUpperCase()),
    );
    expect(groupsSent(fake)).toEqual([
      emails.slice(0, 100).map((email) => email.toUpperCase()),
      [emails[100]!.toUpperCase()],
    ]);
    expect((fake.searches()[0]!.query as { filters: unknown[] }).filters).toEqual([
      { field: "emailAddr", op: "ciin", values: emails.slice(0, 100).map((email) => email.toUpperCase()) },
    ]);
    expect(found.map((user) => user.email)).toEqual(emails);
  });

  it("asks once per distinct value", async () => {
    const fake = fakeUsersClient(people(3));
    const found = await findUsersByIds(fake.client, [wfId(2), wfId(1), wfId(2), wfId(9)]);
    expect(groupsSent(fake)).toEqual([[wfId(2), wfId(1), wfId(9)]]);
    expect(ids(found)).toEqual([wfId(1), wfId(2)]);
  });

  it("asks Workfront nothing for no values", async () => {
    const fake = fakeUsersClient(people(3));
    expect(await findUsersByIds(fake.client, [])).toEqual([]);
    expect(fake.calls).toEqual([]);
  });
});

describe("allUsers", () => {
  it("reads every page in parallel, in ID order, after one count with the caller's filters", async () => {
    const users = people(4_001);
    const fake = fakeUsersClient(users);
    const filters = [{ field: "isActive", value: true }] as const;
    const result = await allUsers(fake.client, { filters }, 100_000, signal);
    expect(result.total).toBe(4_001);
    expect(ids(result.users!)).toEqual(ids(users));
    expect(fake.counts()).toEqual([{ method: "countUsers", query: { filters }, signal }]);
    expect(fake.searches().map((call) => call.query)).toEqual(
      [0, 2000, 4000].map((first) => ({ filters, sort: ID_SORT, first, limit: PAGE_LIMIT })),
    );
    expect(fake.searches().every((call) => call.signal === signal)).toBe(true);
    expect(fake.maxInFlight()).toBe(3);
  });

  it("reads on while pages come back full, for people added after the count", async () => {
    const users = people(4_001);
    // Workfront counted 2,000; by the time the pages are read there are 4,001.
    const fake = fakeUsersClient(users, { count: () => 2_000 });
    const result = await allUsers(fake.client, {}, 100_000, signal);
    expect(result).toEqual({ total: 4_001, users });
    expect(fake.searches().map((call) => call.query)).toEqual(
      [0, 2000, 4000].map((first) => ({ sort: ID_SORT, first, limit: PAGE_LIMIT })),
    );
    expect(fake.searches().every((call) => call.signal === signal)).toBe(true);
  });

  it("reads the one page even when the count says nobody, and finds who is there", async () => {
    const users = people(2);
    const fake = fakeUsersClient(users, { count: () => 0 });
    expect(await allUsers(fake.client, {}, 10)).toEqual({ total: 2, users });
  });

  it("answers exactly `max` users, but no users (null) past it", async () => {
    const fake = fakeUsersClient(people(5));
    expect(await allUsers(fake.client, {}, 5)).toEqual({ total: 5, users: people(5) });
    expect(await allUsers(fake.client, {}, 4)).toEqual({ total: 5, users: null });
    expect(fake.searches()).toHaveLength(1);
  });

  it("reads one page past `max` only to see whether anyone is there, and refuses when the people added push it past `max`", async () => {
    // 2,000 people of max 2,000: the first page is full, so one more page says nobody is past it.
    const atLimit = fakeUsersClient(people(2_000));
    const exact = await allUsers(atLimit.client, {}, 2_000);
    expect(exact.total).toBe(2_000);
    expect(ids(exact.users!)).toEqual(ids(people(2_000)));
    expect(atLimit.searches().map((call) => (call.query as { first?: number }).first)).toEqual([0, 2_000]);

    // Counted 2,000 of max 2,000, but 2,001 by the time the pages are read: none, not 2,000 of them.
    const oneMore = fakeUsersClient(people(2_001), { count: () => 2_000 });
    expect(await allUsers(oneMore.client, {}, 2_000)).toEqual({ total: 2_001, users: null });

    // Max 2,500: the reading on finds 2,600 people, more than allowed.
    const over = fakeUsersClient(people(2_600), { count: () => 2_000 });
    expect(await allUsers(over.client, {}, 2_500)).toEqual({ total: 2_600, users: null });

    // Max 2,500 and 2,500 people: all of them.
    const full = fakeUsersClient(people(2_500), { count: () => 2_000 });
    const all = await allUsers(full.client, {}, 2_500);
    expect(all.total).toBe(2_500);
    expect(ids(all.users!)).toEqual(ids(people(2_500)));
  });

  it("answers in ID order, without repeats, whatever order the pages came in", async () => {
    const shuffled = [wfUser(5), wfUser(2), wfUser(9), wfUser(1), wfUser(7), wfUser(3)];
    const fake = fakeUsersClient([...shuffled, wfUser(2)], { honoursSort: false });
    const result = await allUsers(fake.client, {}, 100);
    expect(result).toEqual({
      total: 6,
      users: [wfUser(1), wfUser(2), wfUser(3), wfUser(5), wfUser(7), wfUser(9)],
    });
  });
});
