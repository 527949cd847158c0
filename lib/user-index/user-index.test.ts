import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { listAuditEvents } from "@/lib/audit";
import { createAccount } from "@/lib/auth/accounts";
import { indexedUsers, userIndexState } from "@/lib/db";
import { changeUserStatus } from "@/lib/offboarding/change-status";
import { withTestDatabase } from "@/lib/db/test-databases";
import type { WorkfrontUser } from "@/lib/workfront";
import { clientFor, control, startTestEmulator, stats } from "@/lib/workfront/test-support";
import { fold } from "./fold";
import { type IndexListQuery, countIndexedByStatus, indexListQuerySchema, indexState, listIndexed } from "./query";
import { toRow } from "./rows";
import { buildIndex, noteUsers, refreshIndex, tenantOf } from "./sync";

/** The index against the emulator over HTTP, on both engines: building, refreshing, reading. */
let emulator: RunningEmulator;
let everyone: WorkfrontUser[];

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 4_500 });
  const client = clientFor(emulator);
  everyone = [];
  for (let first = 0; first < 4_500; first += 2000) everyone.push(...(await client.searchUsers({ first, limit: 2000, sort: [{ field: "ID", direction: "asc" }] })));
});
afterAll(async () => emulator?.close());

const query = (input: Record<string, unknown>): IndexListQuery => indexListQuerySchema.parse(input);

withTestDatabase("the user index", ({ db }) => {
  const client = () => clientFor(emulator);
  const tenant = () => tenantOf(client());

  async function read(input: Record<string, unknown>) {
    const { version } = (await indexState(db(), tenant()))!;
    return listIndexed(db(), tenant(), query(input), version);
  }

  it("builds with one count and one search per 2,000 users, and holds everyone as Workfront does", async () => {
    await control(emulator, "POST", "reset");
    await control(emulator, "POST", "stats/reset");
    const report = await buildIndex({ db: db(), client: client() }, "test");
    expect(report).toMatchObject({ kind: "build", written: 4_500, removed: 0, requests: 4 });
    expect((await stats(emulator)).total).toBe(4);
    expect(await db().$count(indexedUsers, eq(indexedUsers.tenant, tenant()))).toBe(4_500);
    const sample = everyone[1234]!;
    const [row] = await db().select().from(indexedUsers).where(and(eq(indexedUsers.tenant, tenant()), eq(indexedUsers.id, sample.id)));
    expect(row).toEqual(toRow(tenant(), sample, row!.seenIn));
  });

  it("refreshes an unchanged tenant with two requests, and picks up a change made in Workfront", async () => {
    await control(emulator, "POST", "stats/reset");
    const before = (await indexState(db(), tenant()))!;
    expect(await refreshIndex({ db: db(), client: client() }, "test")).toMatchObject({ kind: "refresh", requests: 2 });
    expect((await stats(emulator)).total).toBe(2);
    // Nothing changed: the version (and so every remembered total) stays; the freshness moves on.
    const after = (await indexState(db(), tenant()))!;
    expect(after.version).toBe(before.version);
    expect(after.refreshedAt.getTime()).toBeGreaterThanOrEqual(before.refreshedAt.getTime());
    await noteUsers(db(), client(), [everyone[3]!]);
    expect((await indexState(db(), tenant()))!.version).toBe(before.version);

    const target = everyone.find((user) => user.isActive && user.accessLevel?.isAdmin === false)!;
    await client().updateUser(target.id, { isActive: false }); // outside the app, as an admin in Workfront would
    await refreshIndex({ db: db(), client: client() }, "test");
    const [row] = await db().select().from(indexedUsers).where(and(eq(indexedUsers.tenant, tenant()), eq(indexedUsers.id, target.id)));
    expect(row!.isActive).toBe(false);
    await client().updateUser(target.id, { isActive: true });
    await refreshIndex({ db: db(), client: client() }, "test");
  });

  it("reads everyone again when the counts disagree, and drops whom Workfront no longer has", async () => {
    const ghost = { ...everyone[0]!, id: "f".repeat(32), name: "Gone Person" };
    await db().insert(indexedUsers).values(toRow(tenant(), ghost, 0));
    const report = await refreshIndex({ db: db(), client: client() }, "test");
    expect(report).toMatchObject({ kind: "build", removed: 1 });
    expect(await db().$count(indexedUsers, eq(indexedUsers.id, ghost.id))).toBe(0);
  });

  it("takes what an action learnt from Workfront at once, and counts it as a change", async () => {
    const before = (await indexState(db(), tenant()))!.version;
    const person = { ...everyone[7]!, title: "Noted by an action" };
    await noteUsers(db(), client(), [person]);
    const [row] = await db().select().from(indexedUsers).where(and(eq(indexedUsers.tenant, tenant()), eq(indexedUsers.id, person.id)));
    expect(row!.title).toBe("Noted by an action");
    expect((await indexState(db(), tenant()))!.version).toBe(before + 1);
  });

  it("never decides from the index: an action on someone Workfront changed since the last refresh uses Workfront's state", async () => {
    const target = everyone.find(
      (user) => user.isActive && user.accessLevel?.isAdmin === false && user.id !== emulator.adminUserID && user.id !== emulator.integrationUser.ID,
    )!;
    const indexed = async () =>
      (await db().select().from(indexedUsers).where(and(eq(indexedUsers.tenant, tenant()), eq(indexedUsers.id, target.id))))[0]!;
    await refreshIndex({ db: db(), client: client() }, "test");
    expect((await indexed()).isActive).toBe(true);
    await client().updateUser(target.id, { isActive: false }); // in Workfront, after the last refresh
    expect((await indexed()).isActive).toBe(true); // the index has not seen it

    const actor = await createAccount(db(), { email: `fresh-${tenant().length}@example.com`, role: "operator", password: "a long enough password" });
    const result = await changeUserStatus(
      { db: db(), client: client(), protectedUsers: [] },
      { action: "deactivate", targetId: target.id, reason: "Left the company", ticket: null, actor, requestId: "req-fresh", clientIp: null },
    );
    expect(result.isActive).toBe(false);
    const [row] = (await listAuditEvents(db(), { target: target.id, page: 1, pageSize: 25 })).rows;
    expect(row).toMatchObject({ outcome: "already", isActiveBefore: false });
    // What the action read from Workfront is in the index at once.
    expect((await indexed()).isActive).toBe(false);
    await client().updateUser(target.id, { isActive: true });
    await refreshIndex({ db: db(), client: client() }, "test");
  });

  it("lets one instance build at a time", async () => {
    await db().update(userIndexState).set({ leaseOwner: "other", leaseExpiresAt: new Date(Date.now() + 60_000) }).where(eq(userIndexState.tenant, tenant()));
    expect(await buildIndex({ db: db(), client: client() }, "test")).toMatchObject({ kind: "busy", requests: 0 });
    await db().update(userIndexState).set({ leaseOwner: null, leaseExpiresAt: null }).where(eq(userIndexState.tenant, tenant()));
  });

  it("finds a person by words in any order, accents and case aside", async () => {
    const accented = everyone.find((user) => fold(user.name) !== user.name.toLowerCase() && user.name.includes(" "))!;
    const words = fold(accented.name).split(" ");
    const { rows } = await read({ q: [...words].reverse().join(", ").toUpperCase(), status: "all" });
    expect(rows.map((row) => row.id)).toContain(accented.id);
    expect(rows.every((row) => words.every((word) => row.searchText.includes(word)))).toBe(true);
  });

  it("counts the active and the deactivated a filter matches in one pass, as the lists total them", async () => {
    const { version } = (await indexState(db(), tenant()))!;
    const filter = { ...query({ license: "FULL" }), status: undefined };
    const counts = await countIndexedByStatus(db(), tenant(), filter, version + 1000);
    const expected = (isActive: boolean) => everyone.filter((user) => user.licenseType === "FULL" && user.isActive === isActive).length;
    expect(counts).toEqual({ active: expected(true), deactivated: expected(false) });
    expect((await read({ license: "FULL", status: "deactivated" })).total).toBe(expected(false));
  });

  it("takes an underscore in a search literally, not as LIKE's wildcard", async () => {
    const other = "https://wildcards.example";
    const person = (id: string, name: string, username: string) => toRow(other, { ...everyone[0]!, id: id.repeat(32), name, email: null, username }, 0);
    await db().insert(indexedUsers).values([person("a", "Literal Match", "ab_cd"), person("b", "Wildcard Match", "abxcd")]);
    const found = await listIndexed(db(), other, query({ q: "ab_cd", status: "all" }), 1);
    expect(found.rows.map((row) => row.name)).toEqual(["Literal Match"]);
  });

  it("filters by licence and last login, as Workfront's own data says, with the right total", async () => {
    const now = new Date();
    const cutoff = now.getTime() - 90 * 86_400_000;
    const expected = everyone.filter(
      (user) => user.isActive && user.licenseType === "FULL" && (user.lastLoginAt === null || Date.parse(user.lastLoginAt) < cutoff),
    );
    expect(expected.length).toBeGreaterThan(25);
    const { version } = (await indexState(db(), tenant()))!;
    const page = await listIndexed(db(), tenant(), query({ status: "active", license: "FULL", lastLoginOlderThan: "90", sort: "email" }), version, now);
    expect(page.total).toBe(expected.length);
    expect(page.rows).toHaveLength(25);
    expect(page.rows.every((row) => expected.some((user) => user.id === row.id))).toBe(true);
  });

  it("sorts never-signed-in people as the oldest last login, and pages without gaps", async () => {
    const first = await read({ status: "all", sort: "lastLogin", dir: "asc", pageSize: "200" });
    const never = everyone.filter((user) => user.lastLoginAt === null).length;
    expect(never).toBeGreaterThan(0);
    expect(first.rows.slice(0, Math.min(never, 200)).every((row) => row.lastLoginAt === null)).toBe(true);
    const descending = await read({ status: "all", sort: "lastLogin", dir: "desc", pageSize: "200", page: String(Math.ceil(4_500 / 200)) });
    expect(descending.rows.at(-1)!.lastLoginAt).toBeNull();
    const pages = await Promise.all([1, 2, 3].map((page) => read({ status: "all", sort: "name", pageSize: "200", page: String(page) })));
    const seen = pages.flatMap((page) => page.rows.map((row) => row.id));
    expect(new Set(seen).size).toBe(600);
    const names = pages.flatMap((page) => page.rows.map((row) => row.sortName));
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it("pages through a search in the sort's order, every match once, each row whole (keys first, then rows)", async () => {
    const word = "an";
    const matches = everyone.filter((user) => fold([user.name, user.email, user.username].filter(Boolean).join(" ")).includes(word) && user.isActive);
    expect(matches.length).toBeGreaterThan(200);
    const read200 = (page: number) => read({ q: word, status: "active", sort: "email", dir: "desc", pageSize: "200", page: String(page) });
    const pages = await Promise.all(Array.from({ length: Math.ceil(matches.length / 200) }, (_, index) => read200(index + 1)));
    const rows = pages.flatMap((page) => page.rows);
    expect(rows.map((row) => row.id).sort()).toEqual(matches.map((user) => user.id).sort());
    expect(pages[0]!.total).toBe(matches.length);
    const byId = new Map(everyone.map((user) => [user.id, user]));
    expect(rows.every((row) => row.name === byId.get(row.id)!.name && row.email === byId.get(row.id)!.email)).toBe(true);
    // Descending e-mail, people without one last (the ascending order reversed).
    const emails = rows.map((row) => row.email ?? "");
    expect(emails).toEqual([...emails].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
  });

  it("refuses filter values that are not IDs or are out of range", () => {
    expect(() => query({ group: "x'; drop table" })).toThrow();
    expect(() => query({ lastLoginOlderThan: "-3" })).toThrow();
    expect(() => query({ createdBefore: "31.12.2026" })).toThrow();
    expect(() => query({ colour: "red" })).toThrow();
  });
});
