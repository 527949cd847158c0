import { eq } from "drizzle-orm";
import { expect, it } from "vitest";
import { accounts } from "@/lib/db";
import { withTestDatabase } from "@/lib/db/test-databases";
import { createAccount, findAccountByEmail, verifyCredentials } from "./accounts";
import { signInWithSso } from "./sso-accounts";
import type { SsoProfile } from "./sso-profile";
import type { RoleGroups } from "./sso-roles";

const roleGroups: RoleGroups = { admin: ["wf-admins"], operator: ["wf-operators"], viewer: ["wf-viewers"] };

const person = (overrides: Partial<SsoProfile>): SsoProfile => ({
  subject: "sub-1",
  email: "person@example.com",
  emailVerified: true,
  name: "A Person",
  groups: ["wf-viewers"],
  ...overrides,
});

withTestDatabase("single sign-on accounts", ({ db }) => {
  it("creates an account without a password on first sign-in, with the role the groups grant", async () => {
    const decision = await signInWithSso(db(), person({ email: "new@example.com", groups: ["staff", "wf-operators"] }), roleGroups);
    expect(decision).toMatchObject({
      ok: true,
      account: { email: "new@example.com", name: "A Person", role: "operator", hasPassword: false, disabled: false },
    });
    expect(decision.ok && decision.account.lastLoginAt).toBeInstanceOf(Date);
  });

  it("re-syncs the role from the groups at every sign-in, up and down", async () => {
    const email = "moves@example.com";
    await signInWithSso(db(), person({ email, groups: ["wf-viewers"] }), roleGroups);
    expect(await signInWithSso(db(), person({ email, groups: ["wf-admins"] }), roleGroups)).toMatchObject({ account: { role: "admin" } });
    expect(await signInWithSso(db(), person({ email, groups: ["wf-viewers"], name: null }), roleGroups)).toMatchObject({
      account: { role: "viewer", name: "A Person" },
    });
    expect(await db().select().from(accounts).where(eq(accounts.email, email))).toHaveLength(1);
  });

  it("a changed role ends the account's other sessions; the same role keeps them", async () => {
    const email = "sessions@example.com";
    const version = async (groups: string[]) => {
      const decision = await signInWithSso(db(), person({ email, groups }), roleGroups);
      return decision.ok ? decision.account.sessionVersion : null;
    };
    const first = await version(["wf-viewers"]);
    expect(await version(["wf-viewers"])).toBe(first);
    expect(await version(["wf-admins"])).toBe(first! + 1);
  });

  it("is the same account as a local one with that e-mail, whose password still works", async () => {
    const local = await createAccount(db(), { email: "both@example.com", role: "viewer", password: "a long enough secret" });
    const decision = await signInWithSso(db(), person({ email: "Both@Example.com", groups: ["wf-admins"] }), roleGroups);
    expect(decision).toMatchObject({ ok: true, account: { id: local.id, role: "admin", hasPassword: true } });
    expect(await verifyCredentials(db(), "both@example.com", "a long enough secret")).toMatchObject({ role: "admin" });
  });

  it("refuses a person whose groups grant no role, and leaves their account as it was", async () => {
    await signInWithSso(db(), person({ email: "left@example.com", groups: ["wf-operators"] }), roleGroups);
    expect(await signInWithSso(db(), person({ email: "left@example.com", groups: ["staff"] }), roleGroups)).toEqual({
      ok: false,
      reason: "no_role",
      email: "left@example.com",
    });
    expect(await signInWithSso(db(), person({ email: "none@example.com", groups: null }), roleGroups)).toMatchObject({ reason: "no_role" });
    expect(await findAccountByEmail(db(), "none@example.com")).toBeNull();
    expect(await findAccountByEmail(db(), "left@example.com")).toMatchObject({ role: "operator" });
  });

  it("refuses a disabled account without changing it", async () => {
    await signInWithSso(db(), person({ email: "off@example.com", groups: ["wf-viewers"] }), roleGroups);
    await db().update(accounts).set({ disabled: true }).where(eq(accounts.email, "off@example.com"));
    expect(await signInWithSso(db(), person({ email: "off@example.com", groups: ["wf-admins"] }), roleGroups)).toMatchObject({
      ok: false,
      reason: "account_disabled",
    });
    expect(await findAccountByEmail(db(), "off@example.com")).toMatchObject({ role: "viewer", disabled: true });
  });

  it("refuses a missing e-mail and one the IdP says it has not verified", async () => {
    expect(await signInWithSso(db(), person({ email: null, groups: ["wf-admins"] }), roleGroups)).toMatchObject({ reason: "email_missing" });
    const unverified = person({ email: "unverified@example.com", emailVerified: false, groups: ["wf-admins"] });
    expect(await signInWithSso(db(), unverified, roleGroups)).toMatchObject({ reason: "email_unverified" });
    expect(await findAccountByEmail(db(), "unverified@example.com")).toBeNull();
    // No claim at all is not a refusal: some IdPs (Entra ID) never send one.
    expect(await signInWithSso(db(), person({ email: "silent@example.com", emailVerified: null }), roleGroups)).toMatchObject({ ok: true });
  });

  it("two first sign-ins at once make one account", async () => {
    const both = await Promise.all([
      signInWithSso(db(), person({ email: "twice@example.com" }), roleGroups),
      signInWithSso(db(), person({ email: "twice@example.com" }), roleGroups),
    ]);
    expect(both.every((decision) => decision.ok)).toBe(true);
    expect(await db().select().from(accounts).where(eq(accounts.email, "twice@example.com"))).toHaveLength(1);
  });
});
