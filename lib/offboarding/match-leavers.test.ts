import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import type { WorkfrontUser } from "@/lib/workfront";
import { clientFor, startTestEmulator } from "@/lib/workfront/test-support";
import { type MatchDeps, matchLeavers } from "./match-leavers";
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

describe("resolving 'all matching this filter'", () => {
  it.each([false, true])("returns everyone the users page's filter matches, and refuses past 10,000 (from the index: %s)", async (indexed) => {
    const big = await startTestEmulator({ users: 10_050 });
    const database = await createTestDatabase("pglite");
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
