import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import type { WorkfrontUser } from "@/lib/workfront";
import { clientFor, control, startTestEmulator } from "@/lib/workfront/test-support";
import { type MatchDeps, matchBodySchema, matchLeavers } from "./match-leavers";
import { migrate } from "@/lib/db";
import { createTestDatabase } from "@/lib/db/test-databases";
import { buildIndex } from "@/lib/user-index";
import { resolveSelection, resolveSelectionSchema } from "./resolve-selection";

let emulator: RunningEmulator;
let deps: MatchDeps;
let active: WorkfrontUser[];
let inactive: WorkfrontUser[];

beforeAll(async () => {
  emulator = await startTestEmulator({ users: 300, jitterMs: 3 });
  const client = clientFor(emulator);
  deps = { client, protectedUsers: [] };
  const ordinary = (users: WorkfrontUser[]) =>
    users.filter((u) => u.email && !u.accessLevel?.isAdmin && u.id !== emulator.integrationUser.ID && u.id !== emulator.adminUserID);
  const sort = [{ field: "ID", direction: "asc" as const }];
  active = ordinary(await client.searchUsers({ filters: [{ field: "isActive", value: true }], sort, limit: 200 }));
  inactive = ordinary(await client.searchUsers({ filters: [{ field: "isActive", value: false }], sort, limit: 50 }));
});
afterAll(async () => {
  await emulator?.close();
});

describe("matching a leavers list", () => {
  it("a last-day column: a day still ahead is scheduled at its end in the organisation's zone, a past one runs now, no date neither (issue 17)", async () => {
    const [a, b, c, d] = active.slice(40, 44);
    const csv = ["E-Mail;Letzter Arbeitstag", `${a!.email};31.12.2026`, `${b!.email};29.03.2026`, `${c!.email};01.01.2026`, `${d!.email};demnächst`].join("\r\n");
    // A fixed clock: 2026-03-29 09:00 in Berlin (the day clocks go forward).
    const clock = { timeZone: "Europe/Berlin", now: () => new Date("2026-03-29T07:00:00Z") };
    const report = await matchLeavers(deps, { csv }, "operator", undefined, clock);
    expect(report.lastDayColumn).toEqual({ index: 1, name: "Letzter Arbeitstag" });
    expect(report.scheduled).toEqual([
      { userId: a!.id, day: "2026-12-31", dueAt: "2026-12-31T22:59:59.999Z" },
      // That day in Berlin has 23 hours: it ends at 22:00Z.
      { userId: b!.id, day: "2026-03-29", dueAt: "2026-03-29T21:59:59.999Z" },
    ]);
    expect(report.userIds).toEqual([c!.id]);
    expect(report.lines.map((line) => line.lastDay)).toEqual([
      { day: "2026-12-31", text: "31.12.2026", dueAt: "2026-12-31T22:59:59.999Z", past: false },
      { day: "2026-03-29", text: "29.03.2026", dueAt: "2026-03-29T21:59:59.999Z", past: false },
      { day: "2026-01-01", text: "01.01.2026", dueAt: "2026-01-01T22:59:59.999Z", past: true },
      { day: null, text: "demnächst", dueAt: null, past: false },
    ]);
    expect(report.counts.will_deactivate).toBe(4);
  });

  it("previews a CSV of 40 e-mails: 34 to deactivate, 3 unknown, 2 already, 1 protected", async () => {
    const integration = await deps.client.getUser(emulator.integrationUser.ID);
    const emails = [
      ...active.slice(0, 34).map((u) => u.email!),
      "nobody-1@nowhere.example",
      "nobody-2@nowhere.example",
      "nobody-3@nowhere.example",
      ...inactive.slice(0, 2).map((u) => u.email!),
      integration.email!,
    ];
    // HR's capitals differ from Workfront's; e-mails are matched without regard to case.
    const csv = ["Name;Work Email", ...emails.map((email, i) => `Person ${i};${i % 5 === 0 ? email.toUpperCase() : email}`)].join("\r\n");
    const report = await matchLeavers(deps, { csv }, "operator");
    expect(report.counts).toMatchObject({
      will_deactivate: 34,
      not_found: 3,
      already_deactivated: 2,
      protected: 1,
      ambiguous: 0,
      duplicate: 0,
      invalid: 0,
    });
    expect(report.userIds).toEqual(active.slice(0, 34).map((u) => u.id));
    expect(report).toMatchObject({ format: "csv", delimiter: ";", column: { index: 1, name: "Work Email" } });
    const protectedLine = report.lines.find((line) => line.state === "protected");
    expect(protectedLine).toMatchObject({ line: 41, code: "integration_user", user: { id: emulator.integrationUser.ID } });
    expect(protectedLine?.reason).toMatch(/credential/);
    expect(report.licensesFreed.reduce((sum, entry) => sum + entry.count, 0)).toBe(34);
  });

  it("matches IDs and usernames, and names duplicates, ambiguity, invalid and blank lines", async () => {
    const [a, b, c, d] = active;
    // d logs in with a username that is not an e-mail; c's address differs from a's only in case.
    const put = async (id: string, updates: Record<string, string>) => {
      const response = await fetch(`${emulator.url}/attask/api/v21.0/user/${id}?method=PUT&updates=${encodeURIComponent(JSON.stringify(updates))}`, {
        headers: { apiKey: emulator.apiKey },
      });
      expect(response.ok).toBe(true);
    };
    await put(d!.id, { username: "d.login" });
    await put(c!.id, { emailAddr: a!.email!.toUpperCase(), username: "c.login" });
    const text = [a!.email, "", b!.id.toUpperCase(), "d.login", b!.email, "no.such.login", "two values@x", a!.email!.toLowerCase(), "\u0000junk"].join("\n");
    const report = await matchLeavers(deps, { text }, "operator");
    expect(report.lines.map((line) => [line.line, line.state, line.duplicateOf])).toEqual([
      [1, "ambiguous", null],
      [2, "blank", null],
      [3, "will_deactivate", null],
      [4, "will_deactivate", null],
      [5, "duplicate", 3],
      [6, "not_found", null],
      [7, "invalid", null],
      [8, "ambiguous", null],
      [9, "invalid", null],
    ]);
    expect(report.lines[0]?.candidates?.map((u) => u.id).sort()).toEqual([a!.id, c!.id].sort());
    expect(report.lines[3]?.user?.id).toBe(d!.id);
    expect(report.userIds).toEqual([b!.id, d!.id]);
  });

  it("protects the people on PROTECTED_USERS, by e-mail, ID or username, for an admin too", async () => {
    const [byEmail, byId, byUsername, free] = active.slice(40, 44);
    const protectedDeps: MatchDeps = {
      ...deps,
      protectedUsers: [byEmail!.email!.toLowerCase(), byId!.id, byUsername!.username!.toLowerCase()],
    };
    const text = [byEmail!.email!.toUpperCase(), byId!.id, byUsername!.email!, free!.email!].join("\n");
    for (const role of ["operator", "admin"] as const) {
      const report = await matchLeavers(protectedDeps, { text }, role);
      expect(report.lines.map((line) => [line.state, line.code ?? null])).toEqual([
        ["protected", "configured"],
        ["protected", "configured"],
        ["protected", "configured"],
        ["will_deactivate", null],
      ]);
      expect(report.lines[0]?.reason).toMatch(/list of protected accounts/);
      expect(report.userIds).toEqual([free!.id]);
      expect(report.counts).toMatchObject({ protected: 3, will_deactivate: 1 });
    }
    // The same list without the setting protects nobody.
    expect((await matchLeavers(deps, { text }, "operator")).userIds).toHaveLength(4);
  });

  it("says why on every line, and describes each person found", async () => {
    const [a, b] = active.slice(50, 52);
    const [gone] = inactive;
    const unknownId = "0".repeat(31) + "9";
    const text = [a!.email!, unknownId, "nobody@nowhere.example", "no.such.login", a!.id, gone!.email!, b!.email!].join("\n");
    const report = await matchLeavers(deps, { text }, "operator");
    expect(report.lines.map((line) => [line.line, line.state, line.kind, line.reason])).toEqual([
      [1, "will_deactivate", "email", null],
      [2, "not_found", "id", "No Workfront user has this ID."],
      [3, "not_found", "email", "No Workfront user has this e-mail address or username."],
      [4, "not_found", "username", "No Workfront user has this username."],
      [5, "duplicate", "id", `${a!.name} is already on line 1.`],
      [6, "already_deactivated", "email", null],
      [7, "will_deactivate", "email", null],
    ]);
    expect(report.lines.map((line) => line.code)).toEqual([null, null, null, null, null, null, null]);
    expect(report.lines[4]).toMatchObject({ duplicateOf: 1, value: a!.id });
    expect(report.lines[0]?.user).toEqual({
      id: a!.id,
      name: a!.name,
      email: a!.email,
      username: a!.username,
      isActive: true,
      licenseType: a!.licenseType,
      licenseTypeLabel: expect.any(String),
      isAdmin: false,
    });
    expect(report.lines[5]?.user).toMatchObject({ id: gone!.id, isActive: false });
    expect(report.userIds).toEqual([a!.id, b!.id]);
    expect(report).toMatchObject({ format: "lines", header: null, column: null });
    const freed = report.licensesFreed;
    expect(freed.reduce((sum, entry) => sum + entry.count, 0)).toBe(2);
    expect(freed.map((entry) => entry.count)).toEqual([...freed.map((entry) => entry.count)].sort((x, y) => y - x));
    expect(freed.every((entry) => entry.label === report.lines.find((line) => line.user?.licenseType === entry.licenseType)?.user?.licenseTypeLabel)).toBe(true);
  });

  it("names a repeated value that matches no one as a duplicate of its first line", async () => {
    const report = await matchLeavers(deps, { text: "ghost@nowhere.example\nGHOST@nowhere.example" }, "operator");
    expect(report.lines.map((line) => [line.state, line.duplicateOf, line.reason])).toEqual([
      ["not_found", null, "No Workfront user has this e-mail address or username."],
      ["duplicate", 1, "Same as line 1."],
    ]);
  });

  it("says usernames cannot be checked in a tenant too big to read whole", async () => {
    // A client that reports more users than the import may scan (100,000); everything else is real.
    const huge = Object.create(deps.client) as typeof deps.client;
    huge.countUsers = async () => 100_001;
    const a = active[60];
    const report = await matchLeavers({ ...deps, client: huge }, { text: ["some.login", a!.email!].join("\n") }, "operator");
    expect(report.lines.map((line) => [line.state, line.code])).toEqual([
      ["not_found", "usernames_unchecked"],
      ["will_deactivate", null],
    ]);
    expect(report.lines[0]?.reason).toBe("Usernames cannot be checked in a tenant of more than 100000 users: use e-mails or IDs.");
  });

  it("reads the whole tenant only when a line may be a username", async () => {
    const routes = async () => ((await control(emulator, "GET", "stats")) as { byRoute: Record<string, number> }).byRoute;
    const [a, b] = active.slice(70, 72);
    await matchLeavers(deps, { text: a!.id }, "operator"); // tenant facts, read once per client
    await control(emulator, "POST", "stats/reset");
    const known = await matchLeavers(deps, { text: [a!.email!, b!.id].join("\n") }, "operator");
    expect(known.userIds).toEqual([a!.id, b!.id]);
    expect((await routes())["GET USER/count"] ?? 0).toBe(0);
    await control(emulator, "POST", "stats/reset");
    await matchLeavers(deps, { text: "some.login" }, "operator");
    expect((await routes())["GET USER/count"]).toBe(1);
    // An e-mail that is no one's address may be someone's login: that reads the tenant too.
    await control(emulator, "POST", "stats/reset");
    await matchLeavers(deps, { text: "ghost@nowhere.example" }, "operator");
    expect((await routes())["GET USER/count"]).toBe(1);
  });

  it("names blank lines, and how many people an ambiguous value matches", async () => {
    const [x, y] = active.slice(80, 82);
    // y's address differs from x's only in case: e-mails match without regard to case.
    const response = await fetch(`${emulator.url}/attask/api/v21.0/user/${y!.id}?method=PUT&updates=${encodeURIComponent(JSON.stringify({ emailAddr: x!.email!.toUpperCase() }))}`, {
      headers: { apiKey: emulator.apiKey },
    });
    expect(response.ok).toBe(true);
    const report = await matchLeavers(deps, { text: ["", x!.email!].join("\n") }, "operator");
    expect(report.lines.map((line) => [line.state, line.reason])).toEqual([
      ["blank", "Blank line."],
      ["ambiguous", "2 Workfront users match this email."],
    ]);
  });

  it("counts licences freed by type, the most first", async () => {
    const byType = new Map<string | null, WorkfrontUser[]>();
    for (const user of active.slice(90)) byType.set(user.licenseType, [...(byType.get(user.licenseType) ?? []), user]);
    const [many, few] = [...byType.values()].sort((p, q) => q.length - p.length);
    expect(many!.length).toBeGreaterThanOrEqual(3);
    // The rarer type first in the list, so the order comes from the counts.
    const people = [few![0]!, ...many!.slice(0, 3)];
    const report = await matchLeavers(deps, { text: people.map((u) => u.id).join("\n") }, "operator");
    expect(report.licensesFreed.map((entry) => [entry.licenseType, entry.count])).toEqual([
      [many![0]!.licenseType, 3],
      [few![0]!.licenseType, 1],
    ]);
  });

  it("refuses System Administrators for an operator, and lists them apart for an admin, out of the run", async () => {
    const admin = await deps.client.getUser(emulator.adminUserID);
    const sysadmins = (await deps.client.searchUsers({ filters: [{ field: "accessLevel:isAdmin", value: true }, { field: "isActive", value: true }], limit: 50 })).filter(
      (u) => u.id !== admin.id && u.id !== emulator.integrationUser.ID,
    );
    expect(sysadmins.length).toBeGreaterThan(0);
    const target = sysadmins[0]!;
    const asOperator = await matchLeavers(deps, { text: target.id }, "operator");
    expect(asOperator.lines[0]).toMatchObject({ state: "protected", code: "admin_target" });
    const asAdmin = await matchLeavers(deps, { text: target.id }, "admin");
    expect(asAdmin.lines[0]).toMatchObject({ state: "system_admin", code: null });
    expect(asAdmin.userIds).toEqual([]);
    expect(asAdmin.adminIds).toEqual([target.id]);
  });
});

describe("the import body", () => {
  it("takes text or csv, not both and not neither", () => {
    expect(matchBodySchema.safeParse({ text: "a@b.example" }).success).toBe(true);
    expect(matchBodySchema.safeParse({ csv: "email\na@b.example", column: " email " })).toMatchObject({ success: true, data: { column: "email" } });
    for (const body of [{}, { text: "a", csv: "b" }, { column: "email" }]) {
      const result = matchBodySchema.safeParse(body);
      expect(result.success, JSON.stringify(body)).toBe(false);
      expect(result.error?.issues[0]?.message).toBe("Send either text or csv.");
    }
    expect(matchBodySchema.safeParse({ text: "a", extra: 1 }).success).toBe(false);
  });
});

describe("resolving 'all matching this filter'", () => {
  it.each([false, true])("returns everyone the users page's filter matches, and refuses past 10,000 (from the index: %s)", async (indexed) => {
    const big = await startTestEmulator({ users: 10_050 });
    const database = await createTestDatabase();
    try {
      await migrate(database.db);
      const client = clientFor(big);
      const deps = { client, db: database.db };
      if (indexed) await buildIndex(deps, "test");
      const filter = (input: Record<string, unknown>) => resolveSelectionSchema.parse(input);
      const active = await resolveSelection(deps, filter({ status: "active" }));
      const counted = await client.countUsers({ filters: [{ field: "isActive", value: true }] });
      expect(counted).toBeGreaterThan(4_000);
      expect(active).toMatchObject({ complete: true, total: counted, limit: 10_000 });
      expect(new Set(active.users.map((u) => u.id)).size).toBe(counted);
      expect(active.users.every((u) => u.isActive)).toBe(true);
      const someone = active.users[4_321]!;
      const bySearch = await resolveSelection(deps, filter({ q: someone.email!.toUpperCase(), status: "active" }));
      expect(bySearch.users.map((u) => u.id)).toContain(someone.id);
      const inactive = await resolveSelection(deps, filter({ status: "deactivated" }));
      expect(inactive.users.every((u) => !u.isActive)).toBe(true);
      expect(await resolveSelection(deps, filter({ status: "all" }))).toEqual({
        total: 10_050,
        complete: false,
        limit: 10_000,
        users: [],
      });
    } finally {
      await database.close();
      await big.close();
    }
    // A 10,050-person tenant read into an in-memory index: 20 s on a busy 2-core machine.
  }, 120_000);
});
