import { sql } from "drizzle-orm";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { RunningEmulator } from "@/emulator";
import { createAccount } from "@/lib/auth/accounts";
import { adminEvents, protectedPeople } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { clientFor, startTestEmulator } from "@/lib/workfront/test-support";
import { changeAccount } from "./accounts";
import type { AdminActor } from "./admin-log";
import { addProtectedPerson, protectedIds, removeProtectedPerson } from "./protected-people";

/** The protected list and account changes: checked against Workfront, refused cleanly, logged. */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ users: 50 });
});
afterAll(async () => emulator?.close());

const actor: AdminActor = { user: { id: "00000000-0000-4000-8000-000000000001", email: "admin@example.com", role: "admin" }, requestId: "test", clientIp: null };

withTestDatabase("administration", ({ db }) => {
  let admin: AdminActor;
  beforeAll(async () => {
    const account = await createAccount(db(), { email: "admin@example.com", role: "admin", password: "a-long-enough-password" });
    admin = { ...actor, user: { ...actor.user, id: account.id } };
  });

  it("refuses an entry that names nobody, and writes nothing", async () => {
    const client = clientFor(emulator);
    await expect(addProtectedPerson(db(), client, admin, { person: "nobody@nowhere.example", reason: "No one" })).rejects.toMatchObject({ status: 422, code: "person_not_found" });
    await expect(addProtectedPerson(db(), client, admin, { person: "0".repeat(32), reason: "No one" })).rejects.toMatchObject({ status: 422 });
    expect(await db().$count(protectedPeople)).toBe(0);
    expect(await db().$count(adminEvents)).toBe(0);
  });

  it("adds a person found by e-mail, refuses them twice, removes them; each change is logged and the log is append-only", async () => {
    const client = clientFor(emulator);
    const [person] = await client.searchUsers({ filters: [{ field: "isActive", value: true }], limit: 1, first: 5 });
    const added = await addProtectedPerson(db(), client, admin, { person: person!.email!.toUpperCase(), reason: "Board member" });
    expect(added).toMatchObject({ workfrontId: person!.id, name: person!.name, reason: "Board member", addedByEmail: "admin@example.com" });
    expect(await protectedIds(db())).toEqual([person!.id]);
    await expect(addProtectedPerson(db(), client, admin, { person: person!.id, reason: "Again" })).rejects.toMatchObject({ status: 409, code: "already_protected" });
    await removeProtectedPerson(db(), admin, { workfrontId: person!.id, reason: "Back from leave" });
    expect(await protectedIds(db())).toEqual([]);
    const log = await db().select().from(adminEvents).orderBy(adminEvents.id);
    expect(log.map((row) => [row.action, row.subject, row.reason])).toEqual([
      ["person_protected", person!.id, "Board member"],
      ["person_unprotected", person!.id, "Back from leave"],
    ]);
    const refused = await db().execute(sql`delete from admin_events`).then(() => null, (error: Error) => `${error.message} ${error.cause instanceof Error ? error.cause.message : ""}`);
    expect(refused).toMatch(/append-only/);
  });

  it("changes another account's role and status, never one's own", async () => {
    await createAccount(db(), { email: "op@example.com", role: "operator", password: "a-long-enough-password" });
    await changeAccount(db(), admin, { email: "op@example.com", role: "viewer", disabled: true });
    const actions = (await db().select().from(adminEvents).orderBy(adminEvents.id)).map((row) => row.action).slice(-2);
    expect(actions).toEqual(["account_role_changed", "account_disabled"]);
    await expect(changeAccount(db(), admin, { email: "admin@example.com", disabled: true })).rejects.toMatchObject({ status: 409, code: "own_account" });
  });
});
